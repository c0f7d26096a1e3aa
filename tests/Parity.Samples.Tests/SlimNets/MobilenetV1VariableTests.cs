using System.Linq;
using Parity.Samples.InceptionResnetV2.MobilenetV1;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.SlimNets;

/// <summary>The legacy MobileNet v1's variables against what TF-Slim's mobilenet_v1.py creates.</summary>
[TestFixture]
public sealed class MobilenetV1VariableTests
{
    private LegacyGraph graph = null!;

    [OneTimeSetUp]
    public void BuildOnce()
    {
        graph = new LegacyGraph();
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            graph.Run(() => LegacyMobilenetV1.Forward(ones([1, 224, 224, 3]), isTraining: false));
        }
    }

    [Test]
    public void VariableCountsFollowSlimsSource()
    {
        // mobilenet_v1.py: Conv2d_0 is slim.conv2d with normalizer_fn=batch_norm, so weights and no
        // biases, plus batch norm with center and scale (mobilenet_v1_arg_scope): beta, gamma,
        // moving_mean, moving_variance = 5. Each of the 13 DepthSepConv defs is a depthwise-only
        // separable_conv2d (depthwise_weights + 4 batch norm = 5) and a 1x1 conv2d (weights + 4 = 5),
        // so 13 x 10 = 130. Logits/Conv2d_1c_1x1 has normalizer_fn=None: weights and biases = 2.
        const int all = 5 + (13 * 10) + 2;

        // The moving statistics are not trainable: 2 per batch norm, 1 + 13 x 2 batch norms.
        const int trainable = all - (2 * (1 + (13 * 2)));

        // weights_regularizer is set for conv2d only (regularize_depthwise=False) and no biases
        // regularizer: Conv2d_0, the 13 pointwise convs and the logits conv.
        const int regularized = 1 + 13 + 1;

        Assert.Multiple(() =>
        {
            Assert.That(graph.GlobalVariables, Has.Count.EqualTo(all).And.Count.EqualTo(137));
            Assert.That(graph.TrainableVariables, Has.Count.EqualTo(trainable).And.Count.EqualTo(83));
            Assert.That(graph.RegularizationLosses, Has.Count.EqualTo(regularized));
        });
    }

    [TestCase(0, "MobilenetV1/Conv2d_0/weights", new long[] { 3, 3, 3, 32 }, true)]
    [TestCase(1, "MobilenetV1/Conv2d_0/BatchNorm/beta", new long[] { 32 }, true)]
    [TestCase(2, "MobilenetV1/Conv2d_0/BatchNorm/gamma", new long[] { 32 }, true)]
    [TestCase(3, "MobilenetV1/Conv2d_0/BatchNorm/moving_mean", new long[] { 32 }, false)]
    [TestCase(4, "MobilenetV1/Conv2d_0/BatchNorm/moving_variance", new long[] { 32 }, false)]
    [TestCase(5, "MobilenetV1/Conv2d_1_depthwise/depthwise_weights", new long[] { 3, 3, 32, 1 }, true)]
    [TestCase(10, "MobilenetV1/Conv2d_1_pointwise/weights", new long[] { 1, 1, 32, 64 }, true)]
    [TestCase(125, "MobilenetV1/Conv2d_13_depthwise/depthwise_weights", new long[] { 3, 3, 1024, 1 }, true)]
    [TestCase(130, "MobilenetV1/Conv2d_13_pointwise/weights", new long[] { 1, 1, 1024, 1024 }, true)]
    [TestCase(135, "MobilenetV1/Logits/Conv2d_1c_1x1/weights", new long[] { 1, 1, 1024, 1001 }, true)]
    [TestCase(136, "MobilenetV1/Logits/Conv2d_1c_1x1/biases", new long[] { 1001 }, true)]
    public void VariableHasSlimsNameShapeAndPlace(int index, string name, long[] shape, bool trainable)
    {
        var variable = graph.GlobalVariables[index];
        Assert.Multiple(() =>
        {
            Assert.That(variable.Name, Is.EqualTo(name));
            Assert.That(variable.Shape, Is.EqualTo(shape));
            Assert.That(variable.Trainable, Is.EqualTo(trainable));
        });
    }

    [Test]
    public void ParameterCountMatchesTheTableInSlimsDocstring()
    {
        // mobilenet_v1.py's docstring: 3,185,088 weights in the base's convolutions at depth multiplier 1.
        var baseWeights = graph.GlobalVariables
            .Where(v => v.Name.EndsWith("weights", System.StringComparison.Ordinal) && !v.Name.Contains("/Logits/", System.StringComparison.Ordinal))
            .Sum(v => v.Shape.Aggregate(1L, (a, b) => a * b));

        Assert.That(baseWeights, Is.EqualTo(3_185_088));
    }
}
