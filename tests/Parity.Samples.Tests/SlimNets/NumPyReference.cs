using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Parity.Checkpoints;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.SlimNets;

/// <summary>
/// Runs a legacy slim network and Fixtures/slim_reference.py (a NumPy forward pass in TF's conventions,
/// independent of Parity) on the same variables, each filled with distinct values, and compares every
/// endpoint, then in training the moving averages the batch statistics updated.
/// </summary>
internal static class NumPyReference
{
    private const string Python = "/usr/bin/python3";

    /// <param name="model">The reference's model name.</param>
    /// <param name="forward">The legacy network: (images, training) → output.</param>
    /// <param name="training">Batch statistics (true) or moving statistics (false).</param>
    /// <param name="atol">
    /// Absolute tolerance of an endpoint, as a fraction of its largest magnitude: float32 rounding
    /// grows with the size of the numbers summed, and after a residual sum and ReLU a cell near zero can
    /// be the difference of two large ones.
    /// </param>
    /// <returns>The number of moving statistics the reference updated.</returns>
    public static int Compare(string model, Func<Tensor, bool, InceptionOutput> forward, bool training, double atol)
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
            graph.Run(() => forward(images, false));
        }

        VariableFill.Distinct(graph.GlobalVariables);
        var directory = Directory.CreateTempSubdirectory("parity-slim-reference-");
        try
        {
            var variables = Path.Combine(directory.FullName, "variables.npz");
            var inputs = Path.Combine(directory.FullName, "inputs.npz");
            var outputs = Path.Combine(directory.FullName, "outputs.npz");
            NpzCheckpoint.Save(variables, graph.GlobalVariables);
            NpzCheckpoint.WriteTensors(inputs, [new("images", images)]);
            Run(model, variables, inputs, outputs, training);

            using var scope = NewDisposeScope();
            var actual = graph.Run(() => forward(images, training), training);
            var expected = NpzCheckpoint.ReadTensors(outputs);
            Assert.That(expected.Keys.Where(k => !k.StartsWith("moving:", StringComparison.Ordinal)), Is.EquivalentTo(actual.Endpoints.Select(pair => pair.Key)));
            foreach (var (name, value) in actual.Endpoints)
            {
                var largest = expected[name].abs().max().ToDouble();
                TensorAssert.AllClose(value.detach(), expected[name], rtol: 1e-3, atol: atol * Math.Max(largest, 1.0), message: $"endpoint {name} ({(training ? "training" : "inference")}, largest magnitude {largest:G4})");
            }

            var moving = expected.Where(pair => pair.Key.StartsWith("moving:", StringComparison.Ordinal)).ToList();
            foreach (var (key, value) in moving)
            {
                var variable = graph.GlobalVariables.Single(v => v.Name == key["moving:".Length..]);
                TensorAssert.AllClose(variable.Value, value, rtol: 1e-3, atol: 1e-5, message: variable.Name);
            }

            return moving.Count;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void Run(string model, string variables, string inputs, string outputs, bool training)
    {
        var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "slim_reference.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new List<string> { script, model, variables, inputs, outputs })
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

        Assert.That(process.ExitCode, Is.Zero, $"the NumPy reference of {model} failed: " + errors.Result);
    }
}
