using System;
using System.Linq;
using Parity.Torch;
using Parity.Torch.Tests.Fixtures;

namespace Parity.Torch.Tests;

/// <summary>Seeded draws reproduce PyTorch's streams (golden.json); unseeded properties hold.</summary>
[NonParallelizable]
public sealed class RandomTests
{
    [Test]
    public void ExplicitGeneratorReproducesPyTorchStreamAcrossOps()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(123);

        Golden.AssertMatches("generator123_uniform", Tensor.RandUniform([6], -1, 2, generator: generator), 0, 0);
        Golden.AssertMatches("generator123_then_normal", Tensor.RandNormal([6], 1, 2, generator: generator));
        Golden.AssertMatches("generator123_then_bernoulli", Tensor.Bernoulli([8], 0.3, generator: generator), 0, 0);
    }

    [Test]
    public void Float64UniformAndBernoulliFromProbabilities()
    {
        using var scope = Torch.NewDisposeScope();
        using var seven = new Generator(7);
        using var nine = new Generator(9);

        Golden.AssertMatches("generator7_uniform_f64", Tensor.RandUniform([4], dtype: DType.Float64, generator: seven), 0, 0);
        Golden.AssertMatches("generator9_bernoulli_probs", Tensor.Bernoulli(Wave.Of([8], 0.0, 0.5, 0.5), nine), 0, 0);
    }

    [Test]
    public void ManualSeedSeedsTheDefaultGenerator()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(5);

        Golden.AssertMatches("default_seed5_uniform", Tensor.RandUniform([4]), 0, 0);
    }

    [Test]
    public void ReseedingRestartsTheStream()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(42);
        var first = Tensor.RandNormal([16], generator: generator).ToArray<float>();
        var second = Tensor.RandNormal([16], generator: generator).ToArray<float>();
        generator.ManualSeed(42);
        var again = Tensor.RandNormal([16], generator: generator).ToArray<float>();

        Assert.That(generator.Seed, Is.EqualTo(42UL));
        Assert.That(again, Is.EqualTo(first));
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void DropoutZeroesOrScalesByInverseKeepProbability()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(3);
        var ones = Tensor.Ones([10_000]);
        var dropped = Tensor.Dropout(ones, 0.25, training: true, generator).ToArray<float>();

        Assert.That(dropped.All(v => v == 0f || Math.Abs(v - (1 / 0.75f)) < 1e-6), Is.True, "every value is 0 or 1/(1-p)");
        var keptShare = dropped.Count(v => v != 0f) / 10_000.0;
        // Binomial(10000, 0.75) has standard deviation ~0.0043 of the share; 0.02 is > 4.5 sigma.
        Assert.That(keptShare, Is.EqualTo(0.75).Within(0.02));
    }

    [Test]
    public void DropoutOutsideTrainingReturnsTheInputValues()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([3, 4], 0.2);

        Assert.That(Tensor.Dropout(x, 0.5, training: false).ToArray<float>(), Is.EqualTo(x.ToArray<float>()));
    }

    [Test]
    public void DropoutRejectsProbabilityOutsideZeroToOne()
    {
        using var x = Tensor.Ones([2]);

        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Dropout(x, 1.5, training: true));
    }

    [Test]
    public void UniformDrawsStayInRange()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(11);
        var values = Tensor.RandUniform([1000], -3, -2, generator: generator).ToArray<float>();

        Assert.That(values.Min(), Is.GreaterThanOrEqualTo(-3f));
        Assert.That(values.Max(), Is.LessThan(-2f));
    }
}
