using System.Linq;
using Parity.Samples.ResnetV1.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.ResnetV1;

/// <summary>The legacy ResNet v1 50's variables against what TF-Slim's resnet_v1.py and resnet_utils.py create.</summary>
[TestFixture]
public sealed class ResnetV1VariableTests
{
    // No kernel depends on the input size, so a small image builds the same variables as 224x224.
    private const int Size = 64;
    private LegacyGraph graph = null!;

    [OneTimeSetUp]
    public void BuildOnce()
    {
        graph = new LegacyGraph();
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            graph.Run(() => LegacyResnetV1.Forward(ones([1, Size, Size, 3]), LegacyResnetV1.NumClasses, isTraining: false));
        }
    }

    [Test]
    public void VariableCountsFollowSlimsSource()
    {
        // resnet_arg_scope gives every slim.conv2d normalizer_fn=batch_norm with scale=True (center is
        // batch_norm's default): weights, then BatchNorm/beta, gamma, moving_mean, moving_variance = 5,
        // no biases. Such convs: the root conv1 (conv2d_same); conv1, conv2 (conv2d_same), conv3 in each
        // of the 3 + 4 + 6 + 3 = 16 bottleneck units; a shortcut conv where the depth changes, which is
        // unit_1 of each of the 4 blocks (64->256, 256->512, 512->1024, 1024->2048); every other
        // shortcut is subsample (a max pool, no variables).
        const int units = 3 + 4 + 6 + 3;
        const int convBn = 1 + (3 * units) + 4;

        // logits: slim.conv2d with normalizer_fn=None, so weights and zero-initialized biases. (Without
        // num_classes the network stops before it: 265 variables.)
        const int all = (convBn * 5) + 2;

        // moving_mean and moving_variance are not trainable.
        const int trainable = all - (2 * convBn);

        // weights_regularizer is set for conv2d only, biases_regularizer nowhere.
        const int regularized = convBn + 1;

        Assert.Multiple(() =>
        {
            Assert.That(convBn, Is.EqualTo(53));
            Assert.That(graph.GlobalVariables, Has.Count.EqualTo(all).And.Count.EqualTo(267));
            Assert.That(graph.TrainableVariables, Has.Count.EqualTo(trainable).And.Count.EqualTo(161));
            Assert.That(graph.RegularizationLosses, Has.Count.EqualTo(regularized).And.Count.EqualTo(54));
        });
    }

    // Creation order: conv1 (5), then per unit shortcut (unit_1 only), conv1, conv2, conv3 (5 each):
    // block1 = 20 + 2 x 15 = 50 (indices 5..54), block2 = 20 + 3 x 15 = 65 (55..119),
    // block3 = 20 + 5 x 15 = 95 (120..214), block4 = 50 (215..264), logits 265, 266.
    [TestCase(0, "resnet_v1_50/conv1/weights", new long[] { 7, 7, 3, 64 }, true)]
    [TestCase(1, "resnet_v1_50/conv1/BatchNorm/beta", new long[] { 64 }, true)]
    [TestCase(2, "resnet_v1_50/conv1/BatchNorm/gamma", new long[] { 64 }, true)]
    [TestCase(3, "resnet_v1_50/conv1/BatchNorm/moving_mean", new long[] { 64 }, false)]
    [TestCase(4, "resnet_v1_50/conv1/BatchNorm/moving_variance", new long[] { 64 }, false)]
    [TestCase(5, "resnet_v1_50/block1/unit_1/bottleneck_v1/shortcut/weights", new long[] { 1, 1, 64, 256 }, true)]
    [TestCase(10, "resnet_v1_50/block1/unit_1/bottleneck_v1/conv1/weights", new long[] { 1, 1, 64, 64 }, true)]
    [TestCase(15, "resnet_v1_50/block1/unit_1/bottleneck_v1/conv2/weights", new long[] { 3, 3, 64, 64 }, true)]
    [TestCase(20, "resnet_v1_50/block1/unit_1/bottleneck_v1/conv3/weights", new long[] { 1, 1, 64, 256 }, true)]
    [TestCase(25, "resnet_v1_50/block1/unit_2/bottleneck_v1/conv1/weights", new long[] { 1, 1, 256, 64 }, true)]
    [TestCase(54, "resnet_v1_50/block1/unit_3/bottleneck_v1/conv3/BatchNorm/moving_variance", new long[] { 256 }, false)]
    [TestCase(55, "resnet_v1_50/block2/unit_1/bottleneck_v1/shortcut/weights", new long[] { 1, 1, 256, 512 }, true)]
    [TestCase(65, "resnet_v1_50/block2/unit_1/bottleneck_v1/conv2/weights", new long[] { 3, 3, 128, 128 }, true)]
    [TestCase(120, "resnet_v1_50/block3/unit_1/bottleneck_v1/shortcut/weights", new long[] { 1, 1, 512, 1024 }, true)]
    [TestCase(200, "resnet_v1_50/block3/unit_6/bottleneck_v1/conv1/weights", new long[] { 1, 1, 1024, 256 }, true)]
    [TestCase(210, "resnet_v1_50/block3/unit_6/bottleneck_v1/conv3/weights", new long[] { 1, 1, 256, 1024 }, true)]
    [TestCase(215, "resnet_v1_50/block4/unit_1/bottleneck_v1/shortcut/weights", new long[] { 1, 1, 1024, 2048 }, true)]
    [TestCase(225, "resnet_v1_50/block4/unit_1/bottleneck_v1/conv2/weights", new long[] { 3, 3, 512, 512 }, true)]
    [TestCase(264, "resnet_v1_50/block4/unit_3/bottleneck_v1/conv3/BatchNorm/moving_variance", new long[] { 2048 }, false)]
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

    [Test]
    public void OnlyTheFirstUnitOfEachBlockHasAShortcutConv()
    {
        var shortcuts = graph.GlobalVariables.Where(v => v.Name.EndsWith("/shortcut/weights", System.StringComparison.Ordinal)).Select(v => v.Name);
        Assert.That(shortcuts, Is.EqualTo(new[] { "block1", "block2", "block3", "block4" }.Select(b => $"resnet_v1_50/{b}/unit_1/bottleneck_v1/shortcut/weights")));
    }

    [Test]
    public void TrainableElementsAreResNet50s()
    {
        // ResNet-50 has 25,557,032 trainable parameters (the count torchvision publishes for its resnet50:
        // the same layer shapes, the fully connected classifier in place of the 1x1 logits conv).
        var elements = graph.TrainableVariables.Sum(v => v.Shape.Aggregate(1L, (product, size) => product * size));
        Assert.That(elements, Is.EqualTo(25_557_032));
    }

    [Test]
    public void RegularizationLossIsHalfTheDecayTimesTheSumOfSquares()
    {
        // slim.l2_regularizer(1e-4): 1e-4 x sum(w^2) / 2 per weights variable. With every element 0.001
        // that is 5e-11 per regularized element.
        var constant = new LegacyGraph();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        constant.Run(() => LegacyResnetV1.Forward(ones([1, Size, Size, 3]), LegacyResnetV1.NumClasses, isTraining: false));
        foreach (var variable in constant.GlobalVariables)
        {
            variable.Value.fill_(0.001);
        }

        var regularizedElements = constant.GlobalVariables.Where(v => v.Name.EndsWith("/weights", System.StringComparison.Ordinal)).Sum(v => v.Shape.Aggregate(1L, (product, size) => product * size));
        var total = constant.RegularizationLosses.Sum(loss => loss.to(ScalarType.Float64).item<double>());
        Assert.That(total, Is.EqualTo(0.5 * 1e-4 * 1e-6 * regularizedElements).Within(1e-4).Percent);
    }
}
