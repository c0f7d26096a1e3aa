using System;
using System.Diagnostics;
using System.IO;
using Parity.Checkpoints;
using Parity.Testing;
using Parity.Tests.Shared;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.MnistMlp;

/// <summary>
/// The TorchSharp port of the MNIST MLP, loaded by name from the checkpoint TF1 wrote, against a
/// NumPy forward pass of the same weights read by the independent Python reader.
/// </summary>
public class MnistMlpTests
{
    private const string Python = "/usr/bin/python3";

    [Test]
    public void LoadedPort_MatchesANumPyForwardPassOfTheCheckpoint()
    {
        var prefix = TfFixtures.Prefix("mnist-mlp-adam");
        var directory = Directory.CreateTempSubdirectory("parity-mnist-").FullName;
        try
        {
            using var model = new Samples.MnistMlp.MnistMlp();
            var report = TfCheckpoint.Open(prefix).Load(model.TfWeightMap(), include: TfCheckpoint.IsModelVariable);
            Assert.That(report.Loaded, Has.Count.EqualTo(6));

            using var generator = new Generator(7);
            using var images = rand([16, 784], generator: generator);
            var input = Path.Combine(directory, "input.npz");
            NpzCheckpoint.WriteTensors(input, [new("images", images)]);
            var weights = TfFixtures.ReadWithPython(prefix);
            var output = Path.Combine(directory, "logits.npz");
            RunNumPy(weights, input, output);
            File.Delete(weights);

            using var logits = model.call(images);
            using var expected = NpzCheckpoint.ReadTensors(output)["logits"];
            TensorAssert.AllClose(logits, expected);
            using var untrained = new Samples.MnistMlp.MnistMlp();
            using var untrainedLogits = untrained.call(images);
            Assert.That(TensorAssert.Compare(untrainedLogits, expected).IsClose, Is.False, "the comparison can fail: an untrained model does not pass");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void RunNumPy(string weights, string input, string output)
    {
        if (!File.Exists(Python))
        {
            Assert.Ignore($"{Python} is not installed; install python3-numpy to run the NumPy forward pass.");
        }

        var script = Path.Combine(TfFixtures.RepositoryRoot, "tests", "Parity.Samples.Tests", "Fixtures", "mnist_mlp_numpy.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, weights, input, output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "the NumPy forward pass failed: " + errors);
    }
}
