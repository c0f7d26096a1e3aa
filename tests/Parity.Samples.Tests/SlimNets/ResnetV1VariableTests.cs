using Parity.Samples.InceptionResnetV2.ResnetV1;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.SlimNets;

/// <summary>The legacy ResNet v1 50's variables against what TF-Slim's resnet_v1.py creates.</summary>
[TestFixture]
public sealed class ResnetV1VariableTests
{
    private LegacyGraph graph = null!;

    [OneTimeSetUp]
    public void BuildOnce()
    {
        graph = new LegacyGraph();
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            graph.Run(() => LegacyResnetV1.Forward(ones([1, 224, 224, 3]), isTraining: false));
        }
    }

    [Test]
    public void VariableCountsFollowSlimsSource()
    {
        // resnet_v1_50: blocks of 3, 4, 6, 3 bottleneck units. Every conv2d is under resnet_arg_scope,
        // so normalizer_fn=batch_norm: weights, no biases, and batch norm with scale
        // (batch_norm_scale=True): beta, gamma, moving_mean, moving_variance = 5 per conv. Convs: the
        // root conv1, 3 per unit (conv1, conv2, conv3), and a projection shortcut in each block's
        // first unit, where the depth changes (64→256, 256→512, 512→1024, 1024→2048); the other
        // shortcuts are subsamples. logits has normalizer_fn=None: weights and biases.
        const int units = 3 + 4 + 6 + 3;
        const int convs = 1 + (3 * units) + 4;
        const int all = (5 * convs) + 2;
        const int trainable = (3 * convs) + 2;

        // weights_regularizer is set for every conv2d (the logits too); no biases regularizer.
        const int regularized = convs + 1;

        Assert.Multiple(() =>
        {
            Assert.That(graph.GlobalVariables, Has.Count.EqualTo(all).And.Count.EqualTo(267));
            Assert.That(graph.TrainableVariables, Has.Count.EqualTo(trainable).And.Count.EqualTo(161));
            Assert.That(graph.RegularizationLosses, Has.Count.EqualTo(regularized).And.Count.EqualTo(54));
        });
    }

    [TestCase(0, "resnet_v1_50/conv1/weights", new long[] { 7, 7, 3, 64 }, true)]
    [TestCase(4, "resnet_v1_50/conv1/BatchNorm/moving_variance", new long[] { 64 }, false)]
    [TestCase(5, "resnet_v1_50/block1/unit_1/bottleneck_v1/shortcut/weights", new long[] { 1, 1, 64, 256 }, true)]
    [TestCase(10, "resnet_v1_50/block1/unit_1/bottleneck_v1/conv1/weights", new long[] { 1, 1, 64, 64 }, true)]
    [TestCase(15, "resnet_v1_50/block1/unit_1/bottleneck_v1/conv2/weights", new long[] { 3, 3, 64, 64 }, true)]
    [TestCase(20, "resnet_v1_50/block1/unit_1/bottleneck_v1/conv3/weights", new long[] { 1, 1, 64, 256 }, true)]
    [TestCase(25, "resnet_v1_50/block1/unit_2/bottleneck_v1/conv1/weights", new long[] { 1, 1, 256, 64 }, true)]
    [TestCase(265, "resnet_v1_50/logits/weights", new long[] { 1, 1, 2048, 1000 }, true)]
    [TestCase(266, "resnet_v1_50/logits/biases", new long[] { 1000 }, true)]
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
}
