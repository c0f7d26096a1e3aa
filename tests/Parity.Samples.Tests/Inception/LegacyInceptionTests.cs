using System.Collections.Generic;
using System.Linq;
using Parity.Samples.InceptionResnetV2.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.Inception;

/// <summary>
/// The legacy network's variables against counts worked out by hand from TF-Slim's layout, exact
/// names and shapes, and its constant-weight outputs against the independent PyTorch port.
/// </summary>
[TestFixture]
public sealed class LegacyInceptionTests
{
    // 139x139 is the smallest comfortable input that reaches every block (the 17x17 stage is 7x7) and
    // keeps the test cheap; the only shape it changes is the aux head's last kernel, which covers
    // the whole 1x1 map left after the aux pool.
    private const int Size = 139;
    private LegacyGraph graph = null!;

    [OneTimeSetUp]
    public void BuildOnce()
    {
        graph = new LegacyGraph();
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            graph.Run(() => LegacyInception.Forward(ones([1, Size, Size, 3]), LegacyInception.NumClasses, isTraining: false));
        }
    }

    [Test]
    public void VariableCountsFollowTheBlockFormula()
    {
        // conv+batch-norm layers: stem 5, Mixed_5b 7, block35 6 x 10, Mixed_6a 4, block17 4 x 20,
        // Mixed_7a 7, block8 4 x 10 (9 repeats + the final one), Conv2d_7b 1, aux head 2.
        const int convBn = 5 + 7 + (6 * 10) + 4 + (4 * 20) + 7 + (4 * 10) + 1 + 2;

        // each residual block's biased linear 1x1 projection; the two fully connected layers.
        const int projections = 10 + 20 + 10;
        const int fullyConnected = 2;

        Assert.Multiple(() =>
        {
            // weights + gamma, beta, moving_mean, moving_variance; weights + biases; weights + biases.
            Assert.That(graph.GlobalVariables, Has.Count.EqualTo((convBn * 5) + (projections * 2) + (fullyConnected * 2)));
            Assert.That(graph.TrainableVariables, Has.Count.EqualTo((convBn * 3) + (projections * 2) + (fullyConnected * 2)));
            Assert.That(graph.GlobalVariables.Count(v => v.Regularizer is not null), Is.EqualTo(convBn + (projections * 2) + (fullyConnected * 2)));
        });
    }

    [TestCase("InceptionResnetV2/Conv2d_1a_3x3/weights", new long[] { 3, 3, 3, 32 }, true)]
    [TestCase("InceptionResnetV2/Conv2d_1a_3x3/BatchNorm/gamma", new long[] { 32 }, true)]
    [TestCase("InceptionResnetV2/Conv2d_4a_3x3/BatchNorm/moving_variance", new long[] { 192 }, false)]
    [TestCase("InceptionResnetV2/Mixed_5b/Branch_1/Conv2d_0b_5x5/weights", new long[] { 5, 5, 48, 64 }, true)]
    [TestCase("InceptionResnetV2/Mixed_5b/Branch_3/Conv2d_0b_1x1/weights", new long[] { 1, 1, 192, 64 }, true)]
    [TestCase("InceptionResnetV2/Repeat/block35_1/Branch_2/Conv2d_0c_3x3/weights", new long[] { 3, 3, 48, 64 }, true)]
    [TestCase("InceptionResnetV2/Repeat/block35_10/Conv2d_1x1/weights", new long[] { 1, 1, 128, 320 }, true)]
    [TestCase("InceptionResnetV2/Repeat/block35_10/Conv2d_1x1/biases", new long[] { 320 }, true)]
    [TestCase("InceptionResnetV2/Mixed_6a/Branch_1/Conv2d_1a_3x3/weights", new long[] { 3, 3, 256, 384 }, true)]
    [TestCase("InceptionResnetV2/Repeat_1/block17_20/Branch_1/Conv2d_0b_1x7/weights", new long[] { 1, 7, 128, 160 }, true)]
    [TestCase("InceptionResnetV2/Repeat_1/block17_20/Branch_1/Conv2d_0c_7x1/weights", new long[] { 7, 1, 160, 192 }, true)]
    [TestCase("InceptionResnetV2/Repeat_1/block17_1/Conv2d_1x1/weights", new long[] { 1, 1, 384, 1088 }, true)]
    [TestCase("InceptionResnetV2/Mixed_7a/Branch_2/Conv2d_1a_3x3/weights", new long[] { 3, 3, 288, 320 }, true)]
    [TestCase("InceptionResnetV2/Repeat_2/block8_9/Branch_1/Conv2d_0c_3x1/weights", new long[] { 3, 1, 224, 256 }, true)]
    [TestCase("InceptionResnetV2/Block8/Conv2d_1x1/weights", new long[] { 1, 1, 448, 2080 }, true)]
    [TestCase("InceptionResnetV2/Conv2d_7b_1x1/weights", new long[] { 1, 1, 2080, 1536 }, true)]
    [TestCase("InceptionResnetV2/AuxLogits/Conv2d_1b_1x1/weights", new long[] { 1, 1, 1088, 128 }, true)]
    [TestCase("InceptionResnetV2/AuxLogits/Conv2d_2a_5x5/weights", new long[] { 1, 1, 128, 768 }, true)]
    [TestCase("InceptionResnetV2/AuxLogits/Logits/weights", new long[] { 768, 1000 }, true)]
    [TestCase("InceptionResnetV2/Logits/Logits/weights", new long[] { 1536, 1000 }, true)]
    [TestCase("InceptionResnetV2/Logits/Logits/biases", new long[] { 1000 }, true)]
    public void VariableHasSlimNameAndShape(string name, long[] shape, bool trainable)
    {
        var variable = graph.GlobalVariables.SingleOrDefault(v => v.Name == name);
        Assert.That(variable, Is.Not.Null, $"no variable named {name}");
        Assert.Multiple(() =>
        {
            Assert.That(variable!.Shape, Is.EqualTo(shape));
            Assert.That(variable.Trainable, Is.EqualTo(trainable));
        });
    }

    [Test]
    public void ConvLayersWithBatchNormHaveNoBias()
    {
        Assert.That(graph.GlobalVariables.Where(v => v.Name == "InceptionResnetV2/Conv2d_1a_3x3/biases"), Is.Empty);
    }

    [Test]
    public void TrainableElementsMatchThePyTorchPort()
    {
        var peer = PeerFixture.ForSize(Size);
        Assert.That(graph.TrainableVariables.Sum(v => v.Shape.Aggregate(1L, (n, d) => n * d)), Is.EqualTo(peer.TrainableElementCount));
    }

    [Test]
    public void ConstantWeightsReproduceThePyTorchPort()
    {
        var peer = PeerFixture.ForSize(Size);
        var constant = new LegacyGraph();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var image = ones([1, Size, Size, 3]);
        constant.Run(() => LegacyInception.Forward(image, LegacyInception.NumClasses, isTraining: false));
        foreach (var variable in constant.GlobalVariables)
        {
            variable.Value.fill_(0.001);
        }

        var output = constant.Run(() => LegacyInception.Forward(image, LegacyInception.NumClasses, isTraining: false));
        var losses = constant.RegularizationLosses;

        // float32 through ~250 layers against PyTorch's own float32 summation order.
        Assert.Multiple(() =>
        {
            Assert.That(First5(output.Logits), Is.EqualTo(peer.LogitsFirst5).Within(1e-4).Percent);
            Assert.That(First5(output.AuxLogits!), Is.EqualTo(peer.AuxLogitsFirst5).Within(1e-4).Percent);
            Assert.That(losses, Has.Count.EqualTo(peer.RegularizedVariableCount));
            Assert.That(losses.Sum(loss => loss.item<float>()), Is.EqualTo(peer.RegularizationLoss).Within(1e-4).Percent);
        });
    }

    private static IEnumerable<double> First5(Tensor logits) =>
        logits.select(0, 0).slice(0, 0, 5, 1).to(ScalarType.Float64).data<double>().ToArray();
}
