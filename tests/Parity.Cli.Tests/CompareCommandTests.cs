using System;
using System.Diagnostics;
using System.IO;
using Parity.Checkpoints;
using static TorchSharp.torch;

namespace Parity.Cli.Tests;

/// <summary><c>parity compare</c>: a per-key report and exit code 1 on any difference.</summary>
public class CompareCommandTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("parity-compare-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void SameValues_MatchWithExitCodeZero()
    {
        var expected = Write("expected.npz", ("logits", [1f, 2f, 3f]), ("probs", [0.5f, 0.5f]));
        var actual = Write("actual.npz", ("logits", [1f, 2f, 3f + 1e-7f]), ("probs", [0.5f, 0.5f]));

        var (exitCode, output) = CliRun.Run("compare", expected, actual);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("2 key(s) match."));
    }

    [Test]
    public void ADifference_IsReportedPerKeyWithExitCodeOne()
    {
        var expected = Write("expected.npz", ("logits", [1f, 2f, 3f]), ("probs", [0.5f, 0.5f]));
        var actual = Write("actual.npz", ("logits", [1f, 2.5f, 3f]), ("probs", [0.5f, 0.5f]));

        var (exitCode, output) = CliRun.Run("compare", expected, actual);

        Assert.That(exitCode, Is.EqualTo(ParityApp.Mismatch));
        Assert.That(output, Does.Contain("'logits': Tensors are not close").And.Contain("Mismatched elements: 1 of 3").And.Contain("1 of 2 key(s) differ."));
    }

    [Test]
    public void LooserTolerances_AcceptTheDifference()
    {
        var expected = Write("expected.npz", ("logits", [1f, 2f, 3f]));
        var actual = Write("actual.npz", ("logits", [1f, 2.5f, 3f]));

        Assert.That(CliRun.Run("compare", expected, actual, "--rtol", "0.3", "--atol", "0").ExitCode, Is.Zero);
    }

    [Test]
    public void MissingAndUnexpectedKeys_AreBothListed()
    {
        var expected = Write("expected.npz", ("a", [1f]), ("b", [2f]));
        var actual = Write("actual.npz", ("a", [1f]), ("c", [2f]));

        var (exitCode, output) = CliRun.Run("compare", expected, actual);

        Assert.That(exitCode, Is.EqualTo(ParityApp.Mismatch));
        Assert.That(output, Does.Contain($"'b' is missing from {actual}.").And.Contain($"'c' is in {actual} but not in {expected}."));
    }

    [Test]
    public void OneToleranceAlone_IsRefusedAsTorchDoes()
    {
        var file = Write("a.npz", ("a", [1f]));

        var (exitCode, output) = CliRun.Run("compare", file, file, "--rtol", "1e-3");

        Assert.That(exitCode, Is.EqualTo(ParityApp.Error));
        Assert.That(output, Does.Contain("Give both --rtol and --atol, or neither"));
    }

    [Test]
    public void NotAnNpz_IsAClearError()
    {
        var file = Write("a.npz", ("a", [1f]));
        var text = Path.Combine(directory, "notes.npz");
        File.WriteAllText(text, "not a zip");

        var (exitCode, output) = CliRun.Run("compare", file, text);

        Assert.That(exitCode, Is.EqualTo(ParityApp.Error));
        Assert.That(output, Does.Contain($"error: {text}: not a readable .npz (zip) archive"));
    }

    [Test]
    public void TheToolProcess_ExitsWithOneOnAMismatch()
    {
        var expected = Write("expected.npz", ("logits", [1f, 2f]));
        var actual = Write("actual.npz", ("logits", [1f, 3f]));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(ParityApp).Assembly.Location);
        start.ArgumentList.Add("compare");
        start.ArgumentList.Add(expected);
        start.ArgumentList.Add(actual);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.That(process.ExitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("'logits': Tensors are not close"));
    }

    private string Write(string name, params (string Key, float[] Values)[] arrays)
    {
        var path = Path.Combine(directory, name);
        var tensors = Array.ConvertAll(arrays, array => new System.Collections.Generic.KeyValuePair<string, Tensor>(array.Key, tensor(array.Values)));
        NpzCheckpoint.WriteTensors(path, tensors);
        foreach (var (_, value) in tensors)
        {
            value.Dispose();
        }

        return path;
    }
}
