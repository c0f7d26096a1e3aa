using System;
using System.Linq;
using Parity.Samples.ResnetV1.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.ResnetV1;

/// <summary>ResNet v1 50 at its default size, and the inputs it refuses.</summary>
[TestFixture]
public sealed class ResnetV1InputTests
{
    [Test]
    public void FeatureMapsAt224AreThoseOfSlimsNominalStride32()
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var size = LegacyResnetV1.DefaultImageSize;
        var output = new LegacyGraph().Run(() => LegacyResnetV1.Forward(ones([1, size, size, 3]), LegacyResnetV1.NumClasses, isTraining: false));
        long[] Shape(string name) => output.Endpoints.Single(pair => pair.Key == name).Value.shape;

        // conv1 and pool1 halve the size twice; blocks 1 to 3 end with stride 2, block4 with stride 1.
        Assert.Multiple(() =>
        {
            Assert.That(Shape("resnet_v1_50/conv1"), Is.EqualTo(new long[] { 1, 112, 112, 64 }));
            Assert.That(Shape("resnet_v1_50/block1/unit_1/bottleneck_v1"), Is.EqualTo(new long[] { 1, 56, 56, 256 }));
            Assert.That(Shape("resnet_v1_50/block1"), Is.EqualTo(new long[] { 1, 28, 28, 256 }));
            Assert.That(Shape("resnet_v1_50/block2"), Is.EqualTo(new long[] { 1, 14, 14, 512 }));
            Assert.That(Shape("resnet_v1_50/block3"), Is.EqualTo(new long[] { 1, 7, 7, 1024 }));
            Assert.That(Shape("resnet_v1_50/block4"), Is.EqualTo(new long[] { 1, 7, 7, 2048 }));
            Assert.That(Shape("global_pool"), Is.EqualTo(new long[] { 1, 1, 1, 2048 }));
            Assert.That(Shape("resnet_v1_50/logits"), Is.EqualTo(new long[] { 1, 1, 1, 1000 }));
            Assert.That(output.Logits.shape, Is.EqualTo(new long[] { 1, 1000 }));
        });
    }

    [Test]
    public void NchwImagesAreRefusedNamingTheLayoutAndTheFix()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => new LegacyGraph().Run(() => LegacyResnetV1.Forward(ones([1, 3, 64, 64]), LegacyResnetV1.NumClasses, isTraining: false)));
        Assert.That(error!.Message, Does.Contain("resnet_v1_50 takes NHWC images").And.Contain("reads as NCHW").And.Contain("permute(0, 2, 3, 1)"));
    }

    [Test]
    public void ImagesThatAreNot4DAreRefused()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => new LegacyGraph().Run(() => LegacyResnetV1.Forward(ones([64, 64, 3]), LegacyResnetV1.NumClasses, isTraining: false)));
        Assert.That(error!.Message, Does.Contain("got shape (64, 64, 3)"));
    }

    [Test]
    public void ZeroClassesIsRefused()
    {
        using var scope = torch.NewDisposeScope();
        Assert.That(
            () => new LegacyGraph().Run(() => LegacyResnetV1.Forward(ones([1, 64, 64, 3]), numClasses: 0, isTraining: false)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contain("numClasses"));
    }
}
