using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Tests.Layers;

/// <summary>The variables slim would create for <see cref="SmallSlimModel"/>, worked out by hand from tf_slim/layers/layers.py.</summary>
public class SmallSlimModelTests
{
    /// <summary>
    /// Names, shapes and trainability in creation order. conv2d with a normalizer: <c>weights</c>, then its
    /// <c>BatchNorm</c> scope (fused path: beta, gamma, moving_mean, moving_variance). repeat with a scope:
    /// <c>conv2/conv2_1</c>. separable_conv2d without outputs: <c>depthwise_weights</c> (kh, kw, in, 1) only;
    /// with outputs: depthwise, pointwise, biases. conv2d_transpose without a scope: <c>Conv2d_transpose</c>,
    /// kernel (kh, kw, out, in). stack: <c>fc/fc_1</c>, <c>fc/fc_2</c>. Pooling, flatten and dropout have none.
    /// </summary>
    private static readonly (string Name, long[] Shape, bool Trainable)[] Expected =
    [
        ("Small/conv1/weights", [3, 3, 3, 4], true),
        .. BatchNorm("Small/conv1", 4),
        ("Small/conv2/conv2_1/weights", [3, 3, 4, 4], true),
        .. BatchNorm("Small/conv2/conv2_1", 4),
        ("Small/conv2/conv2_2/weights", [3, 3, 4, 4], true),
        .. BatchNorm("Small/conv2/conv2_2", 4),
        ("Small/dw/depthwise_weights", [3, 3, 4, 1], true),
        .. BatchNorm("Small/dw", 4),
        ("Small/sep/depthwise_weights", [3, 3, 4, 2], true),
        ("Small/sep/pointwise_weights", [1, 1, 8, 6], true),
        ("Small/sep/biases", [6], true),
        ("Small/Conv2d_transpose/weights", [2, 2, 3, 6], true),
        ("Small/Conv2d_transpose/biases", [3], true),
        ("Small/fc/fc_1/weights", [48, 8], true),
        ("Small/fc/fc_1/biases", [8], true),
        ("Small/fc/fc_2/weights", [8, 5], true),
        ("Small/fc/fc_2/biases", [5], true),
        ("Small/logits/weights", [5, 3], true),
        ("Small/logits/biases", [3], true),
    ];

    /// <summary>Every weight in the regularizer's arg scope (conv2d, separable_conv2d, fully_connected), none of the biases, batch norms or the transposed conv.</summary>
    private static readonly string[] Regularized =
    [
        "Small/conv1/weights", "Small/conv2/conv2_1/weights", "Small/conv2/conv2_2/weights", "Small/dw/depthwise_weights",
        "Small/sep/depthwise_weights", "Small/sep/pointwise_weights", "Small/fc/fc_1/weights", "Small/fc/fc_2/weights", "Small/logits/weights",
    ];

    private static (string, long[], bool)[] BatchNorm(string layer, long channels) =>
    [
        ($"{layer}/BatchNorm/beta", [channels], true),
        ($"{layer}/BatchNorm/gamma", [channels], true),
        ($"{layer}/BatchNorm/moving_mean", [channels], false),
        ($"{layer}/BatchNorm/moving_variance", [channels], false),
    ];

    [Test]
    public void CreatesSlimsVariablesInSlimsOrder()
    {
        var graph = new LegacyGraph();
        using var images = ones(2, 8, 8, 3);

        using var logits = graph.Run(() => SmallSlimModel.Build(images, isTraining: true), training: true);

        // 31 = conv1 5 + conv2 2×5 + dw 5 + sep 3 + transpose 2 + fc 4 + logits 2; trainable 23 (the 8 moving statistics are not).
        Assert.Multiple(() =>
        {
            Assert.That(logits.shape, Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(graph.GlobalVariables.Select(v => v.Name), Is.EqualTo(Expected.Select(e => e.Name)));
            Assert.That(graph.GlobalVariables.Select(v => v.Shape), Is.EqualTo(Expected.Select(e => e.Shape)));
            Assert.That(graph.GlobalVariables.Select(v => v.Trainable), Is.EqualTo(Expected.Select(e => e.Trainable)));
            Assert.That(graph.GlobalVariables, Has.Count.EqualTo(31));
            Assert.That(graph.TrainableVariables, Has.Count.EqualTo(23));
            Assert.That(graph.GlobalVariables.Where(v => v.Regularizer is not null).Select(v => v.Name), Is.EqualTo(Regularized));
        });
    }

    [Test]
    public void RegularizationLossIsHalfTheScaleTimesTheSumOfSquaredWeights()
    {
        var graph = new LegacyGraph();
        using var images = ones(2, 8, 8, 3);
        graph.Run(() => SmallSlimModel.Build(images, isTraining: false));

        // By hand from the values, in double: ½·scale·Σw² over each regularized variable (the losses are float32 sums).
        var expected = graph.GlobalVariables
            .Where(v => Regularized.Contains(v.Name))
            .Sum(v => 0.5 * SmallSlimModel.WeightDecay * v.Value.data<float>().ToArray().Sum(w => (double)w * w));
        var actual = graph.RegularizationLosses.Sum(loss => loss.ToDouble());

        Assert.Multiple(() =>
        {
            Assert.That(graph.RegularizationLosses, Has.Count.EqualTo(Regularized.Length));
            Assert.That(actual, Is.EqualTo(expected).Within(1e-4).Percent);
            Assert.That(expected, Is.GreaterThan(0));
        });
    }

    [Test]
    public void AnNchwImageIsRefusedNamingTheLayer()
    {
        var graph = new LegacyGraph();
        using var nchw = ones(1, 3, 32, 32);

        Assert.That(
            () => graph.Run(() => Parity.Slim.Layers.SlimLayers.SeparableConv2d(nchw, null, 3, scope: "dw")),
            Throws.ArgumentException.With.Message.StartsWith("SeparableConv2d 'dw' takes NHWC input").And.Message.Contains("looks NCHW"));
    }

    [Test]
    public void NchwIsRefusedWithTheLayerNamed()
    {
        var graph = new LegacyGraph();
        using var images = ones(1, 4, 4, 3);

        var error = Assert.Throws<System.NotSupportedException>(() => graph.Run(() => Parity.Slim.Layers.SlimLayers.Conv2d(images, 2, 3, dataFormat: DataFormat.Nchw, scope: "c")));

        Assert.That(error!.Message, Does.Contain("Conv2d 'c'").And.Contain("NHWC"));
    }
}
