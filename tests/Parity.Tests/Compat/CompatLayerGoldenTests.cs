using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Parity.Compat;
using static TorchSharp.torch;

namespace Parity.Tests.Compat;

/// <summary>
/// Compat layers on multi-batch, multi-channel inputs against Fixtures/compat_layers.json, written by
/// Fixtures/generate_compat_layers.py, which spells TF's conventions out on its own in PyTorch.
/// </summary>
public class CompatLayerGoldenTests
{
    private static readonly Lazy<Dictionary<string, Expected>> Golden = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, Expected>>(
            File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Compat", "Fixtures", "compat_layers.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    /// <summary>The generator's input: sin(0.37·i + phase)·scale over the flat index, rounded to float32.</summary>
    private static Tensor Wave(long[] shape, double phase, double scale = 1.0)
    {
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(scale * Math.Sin((0.37 * i) + phase));
        }

        return tensor(values, shape);
    }

    private static void AssertGolden(string name, Tensor actual)
    {
        var expected = Golden.Value[name];
        Assert.That(actual.shape, Is.EqualTo(expected.Shape), name);
        Assert.That(actual.data<float>().ToArray(), Is.EqualTo(expected.Values.Select(v => (float)v).ToArray()).Within(1e-5f), name);
    }

    private static Tensor Run(Func<Tensor> build, bool training = false) => new LegacyGraph().Run(build, training);

    [Test]
    public void Conv2dSameWithStride2()
    {
        using var x = Wave([2, 5, 7, 3], 0.0);
        using var kernel = Wave([3, 3, 3, 4], 1.0, 0.5);
        using var bias = Wave([4], 2.0, 0.1);

        AssertGolden("conv_same_stride2", Run(() => Layers.Conv2d(
            x, 4, 3, strides: 2, padding: Padding.Same, kernelInitializer: Initializers.FromTensor(kernel), biasInitializer: Initializers.FromTensor(bias))));
    }

    [Test]
    public void Conv2dSameWithDilation2()
    {
        using var x = Wave([1, 6, 6, 2], 0.3);
        using var kernel = Wave([3, 3, 2, 3], 1.3, 0.5);

        AssertGolden("conv_same_dilation2", Run(() => Layers.Conv2d(
            x, 3, 3, padding: Padding.Same, dilationRate: 2, useBias: false, kernelInitializer: Initializers.FromTensor(kernel))));
    }

    [Test]
    public void Conv2dValidWithStrides2And1()
    {
        using var x = Wave([2, 6, 5, 3], 0.6);
        using var kernel = Wave([2, 3, 3, 2], 1.6, 0.5);

        AssertGolden("conv_valid_stride21", Run(() => Layers.Conv2d(
            x, 2, (2, 3), strides: (2, 1), useBias: false, kernelInitializer: Initializers.FromTensor(kernel))));
    }

    [Test]
    public void MaxPoolingSame()
    {
        using var x = Wave([2, 5, 7, 3], 0.0);

        AssertGolden("max_pool_same", Run(() => Layers.MaxPooling2d(x, 3, 2, Padding.Same)));
    }

    [Test]
    public void AveragePoolingSame()
    {
        using var x = Wave([2, 5, 7, 3], 0.0);

        AssertGolden("avg_pool_same", Run(() => Layers.AveragePooling2d(x, 3, 2, Padding.Same)));
    }

    [Test]
    public void BatchNormalizationTraining()
    {
        var graph = new LegacyGraph();
        using var x = Wave([4, 3, 3, 2], 0.5);

        var output = graph.Run(() => Layers.BatchNormalization(x, momentum: 0.9), training: true);

        AssertGolden("batch_norm_training", output);
        AssertGolden("batch_norm_moving_mean", graph.GlobalVariables.Single(v => v.Name.EndsWith("moving_mean", StringComparison.Ordinal)).Value);
        AssertGolden("batch_norm_moving_variance", graph.GlobalVariables.Single(v => v.Name.EndsWith("moving_variance", StringComparison.Ordinal)).Value);
    }

    [Test]
    public void DenseOnARank3Input()
    {
        using var x = Wave([2, 3, 4], 0.9);
        using var kernel = Wave([4, 5], 1.9, 0.5);
        using var bias = Wave([5], 2.9, 0.1);

        AssertGolden("dense_rank3", Run(() => Layers.Dense(
            x, 5, kernelInitializer: Initializers.FromTensor(kernel), biasInitializer: Initializers.FromTensor(bias))));
    }

    [Test]
    public void DepthwiseConv2dSameWithStride2AndMultiplier2()
    {
        using var x = Wave([2, 5, 7, 3], 0.0);
        using var kernel = Wave([3, 3, 3, 2], 1.1, 0.5);
        using var bias = Wave([6], 2.1, 0.1);

        AssertGolden("depthwise_same_stride2", Run(() => Layers.DepthwiseConv2d(
            x, 3, strides: 2, padding: Padding.Same, depthMultiplier: 2, depthwiseInitializer: Initializers.FromTensor(kernel), biasInitializer: Initializers.FromTensor(bias))));
    }

    [Test]
    public void SeparableConv2dValid()
    {
        using var x = Wave([1, 6, 5, 2], 0.7);
        using var depthwise = Wave([3, 3, 2, 2], 1.7, 0.5);
        using var pointwise = Wave([1, 1, 4, 3], 2.7, 0.5);
        using var bias = Wave([3], 3.7, 0.1);

        AssertGolden("separable_valid", Run(() => Layers.SeparableConv2d(
            x,
            3,
            3,
            depthMultiplier: 2,
            depthwiseInitializer: Initializers.FromTensor(depthwise),
            pointwiseInitializer: Initializers.FromTensor(pointwise),
            biasInitializer: Initializers.FromTensor(bias))));
    }

    [Test]
    public void Conv2dTransposeSameWithStride2()
    {
        using var x = Wave([2, 3, 4, 3], 0.2);
        using var kernel = Wave([3, 3, 2, 3], 1.2, 0.5);
        using var bias = Wave([2], 2.2, 0.1);

        AssertGolden("transpose_same_stride2", Run(() => Layers.Conv2dTranspose(
            x, 2, 3, strides: 2, padding: Padding.Same, kernelInitializer: Initializers.FromTensor(kernel), biasInitializer: Initializers.FromTensor(bias))));
    }

    [Test]
    public void Conv2dTransposeValidWithStride2()
    {
        using var x = Wave([1, 3, 3, 2], 0.4);
        using var kernel = Wave([3, 2, 2, 2], 1.4, 0.5);

        AssertGolden("transpose_valid_stride2", Run(() => Layers.Conv2dTranspose(
            x, 2, (3, 2), strides: 2, useBias: false, kernelInitializer: Initializers.FromTensor(kernel))));
    }

    [Test]
    public void Conv2dTransposeValidWithAKernelBelowItsStride()
    {
        using var x = Wave([1, 2, 3, 2], 0.8);
        using var kernel = Wave([1, 1, 3, 2], 1.8, 0.5);

        AssertGolden("transpose_valid_kernel_below_stride", Run(() => Layers.Conv2dTranspose(
            x, 3, 1, strides: (3, 2), useBias: false, kernelInitializer: Initializers.FromTensor(kernel))));
    }

    [Test]
    public void LayerNormalizationOverTheLastAxisWithKerasEpsilon()
    {
        var graph = new LegacyGraph();
        using var x = Wave([2, 3, 5], 0.9, 2.0);
        using var gamma = Wave([5], 1.9, 0.5);
        using var beta = Wave([5], 2.9, 0.1);

        var output = graph.Run(() => Layers.LayerNormalization(x, gammaInitializer: Initializers.FromTensor(gamma), betaInitializer: Initializers.FromTensor(beta)));

        AssertGolden("layer_norm", output);
        Assert.That(graph.GlobalVariables.Select(v => v.Name), Is.EqualTo(new[] { "layer_normalization/gamma", "layer_normalization/beta" }));
    }

    private sealed record Expected(long[] Shape, double[] Values);
}
