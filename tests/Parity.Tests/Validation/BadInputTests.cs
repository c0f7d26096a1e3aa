using System;
using Parity.Compat;
using Parity.Tests.Support;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Tests.Validation;

/// <summary>Bad input fails early with a managed exception that says what was wrong and what to do.</summary>
public class BadInputTests
{
    [TestCase("my scope")]
    [TestCase("kernel:0")]
    [TestCase("a\\b")]
    public void AScopeNameWithACharacterTfRejects_NamesTheCharacter(string name)
    {
        Assert.That(
            () => Tracked.Run(() => VariableScope(name).Dispose()),
            Throws.ArgumentException.With.Message.Contains($"'{name}'").And.Message.Contains("does not allow"));
    }

    [TestCase("/block")]
    [TestCase("block/")]
    [TestCase("outer//block")]
    public void ANameWithAnEmptyPart_IsRejected(string name)
    {
        Assert.That(() => Tracked.Run(() => GetVariable(name, [1])), Throws.ArgumentException.With.Message.Contains("empty part"));
    }

    [Test]
    public void ValidNames_KeepEveryAllowedCharacter()
    {
        Variable? created = null;
        Tracked.Run(() => created = GetVariable("Mixed_5b/Branch-1.a>b/kernel", [1]));

        Assert.That(created!.Name, Is.EqualTo("Mixed_5b/Branch-1.a>b/kernel"));
    }

    [Test]
    public void IllegalNames_AreRejectedByEveryApiThatTakesOne()
    {
        using var image = ones(1, 4, 4, 1);
        Assert.Multiple(() =>
        {
            Assert.That(() => new Variable("a b", [1]), Throws.ArgumentException.With.Message.Contains("' '"));
            Assert.That(() => new Nn.Dense(2, name: "a b"), Throws.ArgumentException.With.Message.Contains("' '"));
            Assert.That(() => new CompatLayer("dense", (x, n) => x, name: "a:b"), Throws.ArgumentException.With.Message.Contains("':'"));
            Assert.That(() => Tracked.Run(() => Layers.Dense(image, 2, name: "a b")), Throws.ArgumentException.With.Message.Contains("' '"));
            Assert.That(() => Tracked.Run(() => Layers.Flatten(image, name: "a b")), Throws.ArgumentException.With.Message.Contains("' '"));
            Assert.That(() => Tracked.Run(() => Layers.Dropout(image, name: "")), Throws.ArgumentException.With.Message.Contains("empty name"));
            Assert.That(() => Tracked.Run(() => RecordScope("conv 2d")), Throws.ArgumentException.With.Message.Contains("' '"));
            Assert.That(() => Tracked.Run(() => GetOrCreateLayer("a b", () => new Nn.Dense(1))), Throws.ArgumentException.With.Message.Contains("' '"));
        });
    }

    [Test]
    public void ANegativeDimension_NamesTheVariableAndTheShape()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                () => Tracked.Run(() => GetVariable("kernel", [-1, 3])),
                Throws.ArgumentException.With.Message.Contains("kernel").And.Message.Contains("(-1, 3)").And.Message.Contains("negative"));
            Assert.That(() => new Variable("bias", [-2]), Throws.ArgumentException.With.Message.Contains("(-2,)"));
        });
    }

    [Test]
    public void AZeroDimension_IsAllowedAsInTf()
    {
        var empty = new Variable("empty", [0, 3]);

        Assert.That(empty.Shape, Is.EqualTo(new long[] { 0, 3 }));
    }

    [Test]
    public void APaddingOutsideTheEnum_IsRejected()
    {
        using var image = ones(1, 4, 4, 1);

        Assert.Multiple(() =>
        {
            Assert.That(() => Tracked.Run(() => Layers.MaxPooling2d(image, 2, 2, (Padding)7)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Padding.Same"));
            Assert.That(() => new Nn.Conv2D(1, 2, padding: (Padding)7).Call(image), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Padding.Same"));
        });
    }

    [Test]
    public void StridesAboveOneWithADilationAboveOne_AreRefusedAsInTf()
    {
        using var image = ones(1, 8, 8, 1);

        Assert.Multiple(() =>
        {
            Assert.That(() => Tracked.Run(() => Layers.Conv2d(image, 1, 3, strides: 2, dilationRate: 2)), Throws.ArgumentException.With.Message.Contains("strides (2, 2) and dilation rate (2, 2)"));
            Assert.That(() => new Nn.Conv2D(1, 3, strides: (1, 2), dilationRate: (2, 1)), Throws.ArgumentException.With.Message.Contains("cannot be combined"));
        });
    }

    [Test]
    public void AVarianceScalingModeOrDistributionOutsideTheEnum_IsRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Initializers.VarianceScaling(mode: (FanMode)9), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("FanIn"));
            Assert.That(() => Initializers.VarianceScaling(distribution: (VarianceDistribution)9), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("TruncatedNormal"));
            Assert.That(() => Initializers.VarianceScaling(scale: double.PositiveInfinity), Throws.ArgumentException.With.Message.Contains("finite"));
        });
    }

    [TestCase(-0.1)]
    [TestCase(1.0)]
    [TestCase(double.NaN)]
    public void ADropoutRateOutsideZeroToOne_IsRejectedWhereTheLayerIsMade(double rate)
    {
        Assert.That(() => new Nn.Dropout(rate), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("[0, 1)"));
    }

    [Test]
    public void ABuiltDense_RejectsAnInputWithAnotherLastDimension()
    {
        var dense = new Nn.Dense(2);
        using var three = ones(1, 3);
        using var five = ones(1, 5);
        dense.Call(three);

        Assert.That(() => dense.Call(five), Throws.ArgumentException.With.Message.Contains("built for inputs with 3 on the last axis and now got 5"));
    }

    [Test]
    public void ACompatDenseCalledWithAnotherLastDimension_ReportsTfsShapeConflict()
    {
        var module = new Tracked(x =>
        {
            using (VariableScope("head"))
            {
                return Layers.Dense(x, 2);
            }
        });
        using var three = ones(1, 3);
        using var five = ones(1, 5);
        module.Call(three);

        Assert.That(
            () => module.Call(five),
            Throws.ArgumentException.With.Message.EqualTo("Trying to share variable head/dense/kernel, but specified shape (5, 2) and found shape (3, 2)."));
    }

    [Test]
    public void ACompatDropoutRateOutsideZeroToOne_IsRejected()
    {
        using var x = ones(2, 2);

        Assert.That(() => Tracked.Run(() => Layers.Dropout(x, rate: 1.0, training: true)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("[0, 1)"));
    }

    [Test]
    public void ABuiltConv2D_RejectsAnInputWithOtherChannels_OrAnotherRank()
    {
        var conv = new Nn.Conv2D(2, 1);
        using var rgb = ones(1, 4, 4, 3);
        using var gray = ones(1, 4, 4, 1);
        using var unbatched = ones(4, 4, 3);
        conv.Call(rgb);

        Assert.Multiple(() =>
        {
            Assert.That(() => conv.Call(gray), Throws.ArgumentException.With.Message.Contains("3 on the channel axis and now got 1"));
            Assert.That(() => conv.Call(unbatched), Throws.ArgumentException.With.Message.Contains("4-D NHWC input").And.Message.Contains("(4, 4, 3)"));
        });
    }

    [Test]
    public void ABuiltBatchNormalization_RejectsAnInputWithOtherChannels()
    {
        var norm = new Nn.BatchNormalization();
        using var four = ones(2, 4);
        using var six = ones(2, 6);
        norm.Call(four);

        Assert.That(() => norm.Call(six), Throws.ArgumentException.With.Message.Contains("4 on the channel (last) axis and now got 6"));
    }

    [Test]
    public void ABuiltLayer_RejectsAnInputOfAnotherDtype_NamingTheLayerAndBothDtypes()
    {
        // libtorch would either fail with a terse message or, for matmul, abort the process.
        var dense = new Nn.Dense(2);
        var conv = new Nn.Conv2D(2, 1);
        var norm = new Nn.BatchNormalization();
        using var features = ones(1, 3);
        using var image = ones(1, 4, 4, 3);
        using var features64 = ones([1, 3], ScalarType.Float64);
        using var image64 = ones([1, 4, 4, 3], ScalarType.Float64);
        dense.Call(features);
        conv.Call(image);
        norm.Call(features);

        Assert.Multiple(() =>
        {
            Assert.That(() => dense.Call(features64), Throws.ArgumentException.With.Message.StartsWith("Dense has a float32 kernel but got a float64 input"));
            Assert.That(() => conv.Call(image64), Throws.ArgumentException.With.Message.StartsWith("Conv2D has a float32 kernel but got a float64 input"));
            Assert.That(() => norm.Call(features64), Throws.ArgumentException.With.Message.StartsWith("BatchNormalization has a float32 gamma but got a float64 input"));
        });
    }

    [Test]
    public void AnNchwImage_FedToAnNhwcConvolution_IsRefusedNamingTheLayerAndTheLayout()
    {
        using var nchw = ones(1, 3, 32, 32);

        Assert.That(
            () => Tracked.Run(() =>
            {
                using (VariableScope("model"))
                {
                    Layers.Conv2d(nchw, 8, 3);
                }
            }),
            Throws.ArgumentException
                .With.Message.StartsWith("Conv2d 'model/conv2d' takes NHWC input")
                .And.Message.Contains("looks NCHW: 3 channels of 32×32")
                .And.Message.Contains("permute(0, 2, 3, 1)"));
    }

    [TestCase(1, 32, 32, 3)]
    [TestCase(1, 17, 17, 17)]
    [TestCase(2, 35, 35, 320)]
    public void NhwcInputs_PassTheLayoutCheck(long n, long h, long w, long c)
    {
        using var nhwc = ones(n, h, w, c);

        Assert.That(() => Tracked.Run(() => Layers.Conv2d(nhwc, 2, 1)), Throws.Nothing);
    }

    [Test]
    public void SharingAVariableWithItsSizesInAnotherOrder_HintsAtTheLayout()
    {
        Assert.That(
            () => Tracked.Run(() =>
            {
                GetVariable("conv/kernel", [3, 3, 16, 32]);
                GetVariable("conv/kernel", [32, 16, 3, 3]);
            }),
            Throws.ArgumentException
                .With.Message.StartsWith("Trying to share variable conv/kernel, but specified shape (32, 16, 3, 3) and found shape (3, 3, 16, 32).")
                .And.Message.Contains("same in another order").And.Message.Contains("HWIO"));
    }

    [Test]
    public void SharingAVariableARenamerCreated_NamesItAsItExists_AndWhatWasAsked()
    {
        // slim's naming: a creator renames conv/kernel to conv/weights, as slim's variable getter does.
        Assert.That(
            () => Tracked.Run(() =>
            {
                using (VariableCreatorScope.Push((args, next) => next(args with { Name = args.Name.Replace("/kernel", "/weights", StringComparison.Ordinal) })))
                {
                    using (VariableScope("m"))
                    {
                        Layers.Dense(ones(1, 4), 2, name: "conv");
                    }

                    using (VariableScope("m", reuse: Reuse.True))
                    {
                        Layers.Dense(ones(1, 5), 2, name: "conv");
                    }
                }
            }),
            Throws.ArgumentException.With.Message.StartsWith("Trying to share variable m/conv/weights (requested as m/conv/kernel), but specified shape (5, 2) and found shape (4, 2)."));
    }

    [Test]
    public void SharingAVariableWithOtherSizes_GivesNoLayoutHint()
    {
        Assert.That(
            () => Tracked.Run(() =>
            {
                GetVariable("w", [3, 4]);
                GetVariable("w", [3, 5]);
            }),
            Throws.ArgumentException.With.Message.EndsWith("found shape (3, 4)."));
    }

    [Test]
    public void AWindowLargerThanTheInput_FailsNamingTheLayer_WithoutTheCppBacktrace()
    {
        using var image = ones(1, 3, 3, 1);

        Assert.Multiple(() =>
        {
            Assert.That(
                () => Tracked.Run(() => Layers.Conv2d(image, 1, 5)),
                Throws.ArgumentException.With.Message.StartsWith("Conv2d failed inside libtorch: ").And.Message.Contains("Kernel size can't be greater than actual input size").And.Message.Not.Contains("frame #"));
            Assert.That(
                () => Tracked.Run(() => Layers.MaxPooling2d(image, 5, 1)),
                Throws.ArgumentException.With.Message.StartsWith("MaxPooling2d failed inside libtorch: ").And.Message.Contains("Output size is too small").And.Message.Not.Contains("frame #"));
        });
    }

    [Test]
    public void ConcatOfInputsThatDisagree_NamesTheirShapesOrDtypes()
    {
        using var small = ones(1, 2, 2, 1);
        using var large = ones(1, 3, 3, 1);
        using var doubles = ones([1, 2, 2, 1], ScalarType.Float64);

        Assert.Multiple(() =>
        {
            Assert.That(() => Layers.Concat([small, large]), Throws.ArgumentException.With.Message.Contains("input 0 has shape (1, 2, 2, 1) and input 1 has shape (1, 3, 3, 1)"));
            Assert.That(() => Layers.Concat([small, doubles]), Throws.ArgumentException.With.Message.Contains("input 0 is float32 and input 1 is float64"));
        });
    }

    [Test]
    public void CallingAModuleWhoseVariableValueWasDisposed_NamesTheVariable()
    {
        var dense = new Nn.Dense(2);
        using var x = ones(1, 3);
        dense.Call(x);
        dense.Kernel!.Value.Dispose();

        Assert.That(() => dense.Call(x), Throws.InstanceOf<ObjectDisposedException>().With.Message.Contains("dense/kernel was disposed"));
    }

    [Test]
    public void FlatteningABatchOfScalars_GivesOneFeaturePerExample()
    {
        using var scalars = tensor(new float[] { 1, 2, 3 }, [3]);
        using var flat = new Nn.Flatten().Call(scalars);

        Assert.That(flat.shape, Is.EqualTo(new long[] { 3, 1 }));
    }
}
