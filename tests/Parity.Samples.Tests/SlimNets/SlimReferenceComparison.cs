using System;
using System.Collections.Generic;
using System.Linq;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Samples.Tests.Fixtures;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.SlimNets;

/// <summary>
/// Runs a legacy slim network and Fixtures/slim_reference.py (a NumPy forward pass in TF's conventions,
/// independent of Parity) on the same variables, each filled with distinct values, and compares every
/// endpoint, then in training the moving averages the batch statistics updated.
/// </summary>
internal static class SlimReferenceComparison
{
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
        var graph = new LegacyGraph();
        using var generator = new Generator(20260);
        using var images = (rand([2, 224, 224, 3], generator: generator) * 2) - 1;
        using (no_grad())
        using (NewDisposeScope())
        {
            graph.Run(() => forward(images, false));
        }

        VariableFill.Distinct(graph.GlobalVariables);
        using var scope = NewDisposeScope();
        var expected = NumPyReference.Run("slim_reference.py", model, graph.GlobalVariables, images, training).ToDictionary(pair => pair.Key, pair => pair.Value);
        var actual = graph.Run(() => forward(images, training), training);
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
}
