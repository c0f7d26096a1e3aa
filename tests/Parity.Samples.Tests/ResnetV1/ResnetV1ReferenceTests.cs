using System;
using System.Collections.Generic;
using System.Linq;
using Parity.Samples.ResnetV1.Model;
using Parity.Samples.Tests.Fixtures;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.ResnetV1;

/// <summary>
/// The legacy ResNet v1 50 against an outside reference: Fixtures/resnet_reference.py, a NumPy forward
/// pass in TF's conventions, fed the same variables (each with distinct values). Every endpoint must
/// match, in inference and in training (batch statistics, and the moving averages they update); a port
/// that is wrong on both sides of the four-step walkthrough, such as a naive stride-2 conv2d_same, fails here.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ResnetV1ReferenceTests
{
    // Even sizes all the way down to block3's 2x2 map, where conv2d_same and a plain SAME conv differ.
    private const int Size = 64;
    private const string Script = "resnet_reference.py";
    private const string Model = "resnet_v1_50";
    private const string MovingPrefix = "moving:";
    private const double Rtol = 1e-6;
    private const double Atol = 1e-6;

    [TestCase(false)]
    [TestCase(true)]
    public void EveryEndpointMatchesTheNumPyReference(bool training)
    {
        using var images = Images(ScalarType.Float64);
        var graph = DistinctGraph(() => LegacyResnetV1.Forward(images, LegacyResnetV1.NumClasses, isTraining: false));
        var reference = NumPyReference.Run(Script, Model, graph.GlobalVariables, images, training);

        using var scope = NewDisposeScope();
        var actual = graph.Run(() => LegacyResnetV1.Forward(images, LegacyResnetV1.NumClasses, training), training);
        var (endpoints, moving) = Split(reference, ScalarType.Float64);

        // Both sides compute in float64 and the reference hands back float32 (a relative rounding of
        // 6e-8), so the tolerance has room only for that: in float32 the port drifts by up to 1e-2 at
        // block4, where inference batch norm lets the residual sums grow, which would hide small mistakes.
        EndpointComparison.AssertAllClose(actual.Endpoints, endpoints, Rtol, Atol);

        // The moving means; the variances are MovingStatisticsMatchTheFusedKernel's (float64 leaves TF's fused kernel).
        var means = moving.Where(pair => pair.Key.EndsWith("/moving_mean", StringComparison.Ordinal)).ToList();
        Assert.That(means, Has.Count.EqualTo(training ? 53 : 0));
        AssertMovingStatistics(graph, means, Rtol, Atol);
    }

    [Test]
    public void MovingStatisticsMatchTheFusedKernel()
    {
        // float32 takes TF's fused kernel, which updates the moving variance with the Bessel-corrected
        // batch variance (n/(n-1): 8/7 for block4's 2x2 maps at batch 2), as the reference does.
        using var images = Images(ScalarType.Float32);
        var graph = DistinctGraph(() => LegacyResnetV1.Forward(images, LegacyResnetV1.NumClasses, isTraining: false));
        var (_, moving) = Split(NumPyReference.Run(Script, Model, graph.GlobalVariables, images, training: true), ScalarType.Float32);

        using var scope = NewDisposeScope();
        graph.Run(() => LegacyResnetV1.Forward(images, LegacyResnetV1.NumClasses, isTraining: true), training: true);

        // Training normalizes by batch statistics, so the float32 drift stays below 1e-5. Without the
        // correction a variance moves by (1 - decay) x variance / (n - 1): 3.7e-5 relative already at
        // block1/unit_3/conv2 (n = 128), which fails here.
        Assert.That(moving, Has.Count.EqualTo(2 * 53));
        AssertMovingStatistics(graph, moving, rtol: 1e-5, atol: 1e-5);
    }

    [Test]
    public void NaiveStrideTwoConv2dSameIsCaught()
    {
        using var images = Images(ScalarType.Float64);
        var naive = DistinctGraph(() => NaiveResnetV1.Forward(images, isTraining: false));
        var right = DistinctGraph(() => LegacyResnetV1.Forward(images, LegacyResnetV1.NumClasses, isTraining: false));
        VariableStructure.AssertSame(naive.GlobalVariables, right.GlobalVariables);
        var (endpoints, _) = Split(NumPyReference.Run(Script, Model, naive.GlobalVariables, images, training: false), ScalarType.Float64);

        using var scope = NewDisposeScope();
        var naiveReport = EndpointComparison.Compare(naive.Run(() => NaiveResnetV1.Forward(images, isTraining: false)).Endpoints, endpoints, Rtol, Atol);
        var rightReport = EndpointComparison.Compare(right.Run(() => LegacyResnetV1.Forward(images, LegacyResnetV1.NumClasses, isTraining: false)).Endpoints, endpoints, Rtol, Atol);

        // block1's last unit is the first stride-2 conv2d_same of a unit (16x16 -> 8x8); everything before
        // it agrees. The logits show it too; the predictions may not, as with these weights the softmax
        // saturates and both ports can give the same class probability 1.
        Assert.Multiple(() =>
        {
            Assert.That(rightReport.IsClose, Is.True, rightReport.Table);
            Assert.That(naiveReport.FirstDivergent?.Name, Is.EqualTo("resnet_v1_50/block1/unit_3/bottleneck_v1/conv2"), naiveReport.Table);
            Assert.That(naiveReport.Rows.Single(row => row.Name == "resnet_v1_50/spatial_squeeze").IsClose, Is.False, naiveReport.Table);
        });
    }

    /// <summary>Two images in [-1, 1); the network builds its variables in their dtype.</summary>
    private static Tensor Images(ScalarType dtype)
    {
        using var generator = new Generator(20261);
        return (rand([2, Size, Size, 3], dtype: dtype, generator: generator) * 2) - 1;
    }

    private static void AssertMovingStatistics(LegacyGraph graph, List<KeyValuePair<string, Tensor>> moving, double rtol, double atol)
    {
        foreach (var (name, value) in moving)
        {
            var variable = graph.GlobalVariables.Single(v => v.Name == name[MovingPrefix.Length..]);
            TensorAssert.AllClose(variable.Value, value, rtol, atol, message: variable.Name);
        }
    }

    /// <summary>A legacy graph built once, its variables given distinct values derived from their names.</summary>
    private static LegacyGraph DistinctGraph(Func<ResnetOutput> build)
    {
        var graph = new LegacyGraph();
        using (no_grad())
        using (NewDisposeScope())
        {
            graph.Run(build);
        }

        VariableFill.Distinct(graph.GlobalVariables);
        return graph;
    }

    /// <summary>The reference's endpoints and moving statistics, in the port's dtype.</summary>
    private static (List<KeyValuePair<string, Tensor>> Endpoints, List<KeyValuePair<string, Tensor>> Moving) Split(IReadOnlyList<KeyValuePair<string, Tensor>> reference, ScalarType dtype)
    {
        var widened = reference.Select(pair => new KeyValuePair<string, Tensor>(pair.Key, pair.Value.to(dtype))).ToList();
        return (widened.Where(pair => !pair.Key.StartsWith(MovingPrefix, StringComparison.Ordinal)).ToList(),
                widened.Where(pair => pair.Key.StartsWith(MovingPrefix, StringComparison.Ordinal)).ToList());
    }
}
