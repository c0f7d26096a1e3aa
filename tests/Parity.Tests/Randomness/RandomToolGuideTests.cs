using System;
using System.Linq;
using Parity.Randomness;
using static TorchSharp.torch;

namespace Parity.Tests.Randomness;

/// <summary>
/// The random-tool demonstrations of the validation guide, step 4: which draws are equal in each
/// mode, order sensitivity, explicit operation seeds and the overlap error.
/// </summary>
public class RandomToolGuideTests
{
    private static float[] Draw(long[] shape)
    {
        using var values = RandomOps.Uniform(shape, 0, 1, ScalarType.Float32);
        using var tripled = values * 3;
        return tripled.data<float>().ToArray();
    }

    private static (float[] A, float[] B, float[] C) DrawThree(DeterministicRandomTestTool tool)
    {
        using (tool.Scope())
        {
            return (Draw([3, 1]), Draw([3, 3]), Draw([3, 3]));
        }
    }

    [Test]
    public void ConstantMode_SameShapeDrawsAreIdentical_AndASmallerDrawIsAPrefix()
    {
        var (a, b, c) = DrawThree(new DeterministicRandomTestTool());

        Assert.That(c, Is.EqualTo(b), "b and c have the same seed and shape, so the same values");
        Assert.That(a, Is.EqualTo(b.Take(3)), "a (3x1) is the first three values of b (3x3) in C order");
        Assert.That(b.Distinct().Count(), Is.EqualTo(9), "values within one draw still differ");
    }

    [Test]
    public void ConstantMode_TwoToolsWithTheSameSeedDrawTheSameNumbers()
    {
        // The guide's graph-vs-eager demonstration: two independent programs, one tool each.
        var first = DrawThree(new DeterministicRandomTestTool());
        var second = DrawThree(new DeterministicRandomTestTool());

        Assert.That(second.A, Is.EqualTo(first.A));
        Assert.That(second.B, Is.EqualTo(first.B));
        Assert.That(second.C, Is.EqualTo(first.C));
    }

    [Test]
    public void ConstantMode_ADifferentSeedDrawsDifferentNumbers()
    {
        var seed42 = DrawThree(new DeterministicRandomTestTool(seed: 42));
        var seed43 = DrawThree(new DeterministicRandomTestTool(seed: 43));

        Assert.That(seed43.B, Is.Not.EqualTo(seed42.B));
    }

    [Test]
    public void NumRandomOpsMode_SameShapeDrawsDiffer_ButRepeatAcrossPrograms()
    {
        var first = DrawThree(new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps));
        var second = DrawThree(new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps));
        var constant = DrawThree(new DeterministicRandomTestTool());

        Assert.That(first.C, Is.Not.EqualTo(first.B), "b and c got operation seeds 1 and 2");
        Assert.That(second.A, Is.EqualTo(first.A));
        Assert.That(second.B, Is.EqualTo(first.B));
        Assert.That(second.C, Is.EqualTo(first.C));
        Assert.That(first.A, Is.EqualTo(constant.A), "the first op uses operation seed 0, as constant mode does");
    }

    [Test]
    public void NumRandomOpsMode_IsSensitiveToProgramOrder()
    {
        float[] a, b, aPrime, bPrime;
        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            a = Draw([3, 1]);
            b = Draw([3, 3]);
        }

        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            bPrime = Draw([3, 3]);
            aPrime = Draw([3, 1]);
        }

        Assert.That(aPrime, Is.Not.EqualTo(a));
        Assert.That(bPrime, Is.Not.EqualTo(b));
    }

    [Test]
    public void NumRandomOpsMode_OperationSeedCountsTheOpsObserved()
    {
        var tool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
        using (tool.Scope())
        {
            Assert.That(tool.OperationSeed, Is.EqualTo(0));
            Draw([3, 1]);
            Assert.That(tool.OperationSeed, Is.EqualTo(1));
            Draw([3, 3]);
            Assert.That(tool.OperationSeed, Is.EqualTo(2));
        }
    }

    [Test]
    public void ConstantMode_OperationSeedNeverIncrements()
    {
        var tool = new DeterministicRandomTestTool();
        using (tool.Scope())
        {
            Draw([3, 1]);
            Draw([3, 3]);
        }

        Assert.That(tool.OperationSeed, Is.EqualTo(0));
    }

    [Test]
    public void NumRandomOpsMode_SettingTheOperationSeedReordersDraws()
    {
        float[] a, b, aPrime, bPrime;
        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            a = Draw([3, 1]);
            b = Draw([3, 3]);
        }

        var tool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
        using (tool.Scope())
        {
            tool.OperationSeed = 1;
            bPrime = Draw([3, 3]);
            tool.OperationSeed = 0;
            aPrime = Draw([3, 1]);
        }

        Assert.That(aPrime, Is.EqualTo(a));
        Assert.That(bPrime, Is.EqualTo(b));
    }

    [Test]
    public void NumRandomOpsMode_ReusingAnObservedSeedThrowsAndExplainsTheOverlap()
    {
        var tool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
        using (tool.Scope())
        {
            tool.OperationSeed = 1;
            Draw([3, 3]);
            tool.OperationSeed = 0;
            Draw([3, 1]);

            // The automatic sequence continues at 1, which the first draw already used.
            var error = Assert.Throws<InvalidOperationException>(() => Draw([3, 1]));
            Assert.That(error!.Message, Does.Contain("reuse operation seed 1"));
            Assert.That(error.Message, Does.Contain("used seeds: 0, 1"));
            Assert.That(error.Message, Does.Contain("OperationSeed was set explicitly"));
            Assert.That(error.Message, Does.Contain("above 1"));
        }
    }
}
