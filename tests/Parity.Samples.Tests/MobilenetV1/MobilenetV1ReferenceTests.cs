using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Parity.Checkpoints;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.MobilenetV1;

/// <summary>
/// The legacy MobileNet v1 against an outside reference: Fixtures/slim_reference.py, a NumPy forward
/// pass in TF's conventions, fed the same variables (each with distinct values). Every endpoint must
/// match, in inference and in training (batch statistics, and the moving averages they update); a port
/// that is wrong on both sides of the four-step walkthrough fails here.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class MobilenetV1ReferenceTests
{
    private const string Python = "/usr/bin/python3";

    [TestCase(false)]
    [TestCase(true)]
    public void EveryEndpointMatchesTheNumPyReference(bool training)
    {
        if (!File.Exists(Python))
        {
            Assert.Ignore($"{Python} is not installed; install python3-numpy to run the NumPy reference.");
        }

        var graph = new LegacyGraph();
        using var generator = new Generator(20260);
        using var images = (rand([2, 224, 224, 3], generator: generator) * 2) - 1;
        using (no_grad())
        using (NewDisposeScope())
        {
            graph.Run(() => LegacyMobilenetV1.Forward(images, isTraining: false));
        }

        VariableFill.Distinct(graph.GlobalVariables);
        var directory = Directory.CreateTempSubdirectory("parity-mobilenet-");
        try
        {
            var variables = Path.Combine(directory.FullName, "variables.npz");
            var inputs = Path.Combine(directory.FullName, "inputs.npz");
            var outputs = Path.Combine(directory.FullName, "outputs.npz");
            NpzCheckpoint.Save(variables, graph.GlobalVariables);
            NpzCheckpoint.WriteTensors(inputs, [new("images", images)]);
            RunReference(variables, inputs, outputs, training);

            // Dropout keeps everything, so training mode differs from inference only in batch norm.
            using var scope = NewDisposeScope();
            var actual = graph.Run(() => LegacyMobilenetV1.Forward(images, training, dropoutKeepProbability: 1.0), training);
            var expected = NpzCheckpoint.ReadTensors(outputs);
            var endpointNames = actual.Endpoints.Select(pair => pair.Key).ToList();
            Assert.That(expected.Keys.Where(k => !k.StartsWith("moving:", StringComparison.Ordinal)), Is.EquivalentTo(endpointNames));
            // The reference computes in float64. The float32 port drifts by ~1e-4 over 27 layers in
            // training, where every layer renormalizes by statistics of as few as 98 cells (7x7, batch
            // 2); a wrong layout, padding or statistic moves outputs by orders of magnitude more.
            var atol = training ? 5e-4 : 1e-4;
            foreach (var (name, value) in actual.Endpoints)
            {
                TensorAssert.AllClose(value.detach(), expected[name], rtol: 1e-3, atol: atol, message: $"endpoint {name} ({(training ? "training" : "inference")})");
            }

            var moving = expected.Where(pair => pair.Key.StartsWith("moving:", StringComparison.Ordinal)).ToList();
            Assert.That(moving, Has.Count.EqualTo(training ? 2 * 27 : 0));
            foreach (var (key, value) in moving)
            {
                var variable = graph.GlobalVariables.Single(v => v.Name == key["moving:".Length..]);
                TensorAssert.AllClose(variable.Value, value, rtol: 1e-4, atol: 1e-5, message: variable.Name);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void RunReference(string variables, string inputs, string outputs, bool training)
    {
        var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "slim_reference.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new List<string> { script, "mobilenet_v1", variables, inputs, outputs })
        {
            start.ArgumentList.Add(argument);
        }

        if (training)
        {
            start.ArgumentList.Add("--training");
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && errors.Result.Contains("No module named 'numpy'", StringComparison.Ordinal))
        {
            Assert.Ignore($"{Python} has no numpy; install python3-numpy to run the NumPy reference.");
        }

        Assert.That(process.ExitCode, Is.Zero, "the NumPy reference failed: " + errors.Result);
    }
}
