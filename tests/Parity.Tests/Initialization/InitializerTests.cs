using System;
using System.Linq;
using static TorchSharp.torch;

namespace Parity.Tests.Initialization;

public class InitializerTests
{
    private static float[] Draw(Initializer initializer, long[] shape)
    {
        using var value = initializer.Create(shape, ScalarType.Float32);
        return value.data<float>().ToArray();
    }

    private static double StdDev(float[] values)
    {
        var mean = values.Average(v => (double)v);
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    [TestCase(new long[0], 1, 1)]
    [TestCase(new long[] { 5 }, 5, 5)]
    [TestCase(new long[] { 20, 10 }, 20, 10)]
    [TestCase(new long[] { 3, 3, 4, 8 }, 36, 72)]
    public void Fans_FollowTheDenseAndHwioConventions(long[] shape, double fanIn, double fanOut)
    {
        Assert.That(VarianceScalingInitializer.Fans(shape), Is.EqualTo((fanIn, fanOut)));
    }

    [Test]
    public void ConstantInitializers_FillTheShape()
    {
        Assert.That(Draw(Initializers.Zeros(), [2, 2]), Is.All.EqualTo(0f));
        Assert.That(Draw(Initializers.Ones(), [3]), Is.All.EqualTo(1f));
        Assert.That(Draw(Initializers.Constant(1.5), [2]), Is.All.EqualTo(1.5f));
    }

    [Test]
    public void GlorotUniform_StaysWithinSqrtSixOverFanSum_AndReachesNearTheLimit()
    {
        var limit = Math.Sqrt(6.0 / (200 + 100));
        var values = Draw(Initializers.GlorotUniform(), [200, 100]);

        Assert.That(values.Max(v => Math.Abs(v)), Is.LessThanOrEqualTo(limit).And.GreaterThan(0.99 * limit));
    }

    [Test]
    public void GlorotNormal_IsTruncatedAtTwoWidenedStdDevs_AndHasTheGlorotVariance()
    {
        // Variance 2 / (fan_in + fan_out) = 1/150 after truncation; the drawn stddev is widened by 1/0.8796.
        var target = Math.Sqrt(1.0 / 150);
        var values = Draw(Initializers.GlorotNormal(), [200, 100]);

        Assert.That(values.Max(v => Math.Abs(v)), Is.LessThanOrEqualTo(2 * target / 0.87962566103423978 + 1e-6));
        Assert.That(StdDev(values), Is.EqualTo(target).Within(3).Percent);
    }

    [Test]
    public void VarianceScalingUniform_UsesSqrtThreeScaleOverFan()
    {
        var limit = Math.Sqrt(3 * 2.0 / 100);
        var values = Draw(Initializers.VarianceScaling(2.0, FanMode.FanIn, VarianceDistribution.Uniform), [100, 50]);

        Assert.That(values.Max(v => Math.Abs(v)), Is.LessThanOrEqualTo(limit).And.GreaterThan(0.98 * limit));
    }

    [Test]
    public void VarianceScalingUntruncated_HasTheRequestedStdDev()
    {
        var values = Draw(Initializers.VarianceScaling(1.0, FanMode.FanOut, VarianceDistribution.UntruncatedNormal), [100, 200]);

        Assert.That(StdDev(values), Is.EqualTo(Math.Sqrt(1.0 / 200)).Within(3).Percent);
    }

    [Test]
    public void TruncatedNormal_NeverLeavesTwoStdDevs()
    {
        var values = Draw(Initializers.TruncatedNormal(1.0, 0.5), [10000]);

        Assert.That(values, Is.All.InRange(0f, 2f));
        Assert.That(values.Average(v => (double)v), Is.EqualTo(1.0).Within(0.02));
    }

    [Test]
    public void RandomUniform_StaysInItsRange()
    {
        var values = Draw(Initializers.RandomUniform(2, 3), [1000]);

        Assert.That(values, Is.All.InRange(2f, 3f));
    }

    [Test]
    public void RandomNormal_HasItsMeanAndStdDev()
    {
        var values = Draw(Initializers.RandomNormal(-1, 2), [20000]);

        Assert.That(values.Average(v => (double)v), Is.EqualTo(-1).Within(0.1));
        Assert.That(StdDev(values), Is.EqualTo(2).Within(3).Percent);
    }

    [Test]
    public void ARandomInitializerForAnIntegerVariable_SaysWhatToUse()
    {
        Assert.That(
            () => new Variable("w", [2], ScalarType.Int64, Initializers.GlorotUniform()),
            Throws.ArgumentException.With.Message.Contains("glorot_uniform draws random floating-point values and cannot make a int64 variable"));
    }

    [Test]
    public void TheDefault_IsGlorotUniformForFloats_AndZerosOtherwise()
    {
        Assert.That(Initializers.DefaultFor(ScalarType.Float64).ToString(), Is.EqualTo("glorot_uniform"));
        Assert.That(new Variable("n", [2], ScalarType.Int64).Value.data<long>().ToArray(), Is.All.EqualTo(0L));
    }

    [Test]
    public void RandomUniform_NeedsLowBelowHigh()
    {
        Assert.That(() => Initializers.RandomUniform(1, 1), Throws.ArgumentException.With.Message.Contains("low < high"));
    }
}
