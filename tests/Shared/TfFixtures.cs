using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Parity.Tests.Shared;

/// <summary>
/// The checkpoints TensorFlow 1.x wrote (../shared/fixtures/tf1-checkpoints beside the repository,
/// never copied into it) and the independent Python reader that the tests compare against. Linked into
/// the runtime and command-line test projects; each records the repository root at build time.
/// </summary>
internal static class TfFixtures
{
    private const string Python = "/usr/bin/python3";

    public static string RepositoryRoot { get; } = typeof(TfFixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures", "tf1-checkpoints"));

    /// <summary>The four checkpoints by folder, with their prefixes.</summary>
    public static readonly string[] Names = ["mnist-mlp-adam", "mnist-softmax", "tiny-adam", "tiny-two-layer"];

    /// <summary>The prefix of one checkpoint; the test is skipped, naming the folder, when the fixtures are absent.</summary>
    public static string Prefix(string name)
    {
        var directory = Path.Combine(Folder, name);
        if (!Directory.Exists(directory))
        {
            Assert.Ignore($"The TF1 checkpoint fixtures are not at {Folder}; these tests read the real checkpoints there (see its README).");
        }

        var index = Directory.GetFiles(directory, "*.index").Single();
        return index[..^".index".Length];
    }

    /// <summary>Copies a checkpoint into a fresh temporary folder, for tests that damage it.</summary>
    public static string CopyToTemp(string name)
    {
        var prefix = Prefix(name);
        var target = Directory.CreateTempSubdirectory("parity-ckpt-").FullName;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(prefix)!))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal);
        }

        return Path.Combine(target, Path.GetFileName(prefix));
    }

    /// <summary>Runs the Python bundle reader (tests/Parity.Tests/Checkpoints/Fixtures/tf_bundle_to_npz.py) and returns the .npz it wrote.</summary>
    public static string ReadWithPython(string prefix)
    {
        if (!File.Exists(Python))
        {
            Assert.Ignore($"{Python} is not installed; install python3-numpy to compare against the independent Python reader.");
        }

        var script = Path.Combine(RepositoryRoot, "tests", "Parity.Tests", "Checkpoints", "Fixtures", "tf_bundle_to_npz.py");
        var output = Path.Combine(Path.GetTempPath(), $"parity-py-{Guid.NewGuid():N}.npz");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(prefix);
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && errors.Contains("No module named 'numpy'", StringComparison.Ordinal))
        {
            Assert.Ignore($"{Python} has no numpy; install python3-numpy to compare against the independent Python reader.");
        }

        Assert.That(process.ExitCode, Is.Zero, "the Python reader failed: " + errors);
        return output;
    }
}
