using System;
using System.Linq;
using Parity.Randomness;
using Parity.Slim.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Tests.Weights;

/// <summary>Slim's initializer formulas (tf_slim/layers/initializers.py) and L2 regularizer, against numbers worked out by hand.</summary>
public class SlimInitializerTests
{
    // Standard deviation of a unit normal truncated to [-2, 2].
    private const double TruncatedUnitStddev = 0.87962566103423978;

    [TestCase(new long[0], 1, 1)]
    [TestCase(new long[] { 7 }, 7, 7)]
    [TestCase(new long[] { 5, 3 }, 5, 3)]
    [TestCase(new long[] { 3, 3, 4, 8 }, 36, 72)]
    public void FansAreSlims(long[] shape, double fanIn, double fanOut) =>
        Assert.That(SlimVarianceScaling.Fans(shape), Is.EqualTo((fanIn, fanOut)));

    [Test]
    public void XavierUniformStaysWithinSqrtOfSixOverFanSum()
    {
        RandomOps.SetSeed(3);
        using var values = SlimInitializers.Xavier().Create([3, 3, 4, 8], ScalarType.Float32);
        var limit = Math.Sqrt(6.0 / (36 + 72));
        var magnitudes = values.data<float>().ToArray().Select(v => Math.Abs((double)v)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(magnitudes.Max(), Is.LessThanOrEqualTo(limit));
            Assert.That(magnitudes.Max(), Is.GreaterThan(0.95 * limit), "288 uniform draws should come near the limit");
        });
    }

    [TestCase(2.0, FanMode.FanIn, 100.0)]
    [TestCase(1.0, FanMode.FanAvg, 250.0)]
    [TestCase(1.0, FanMode.FanOut, 400.0)]
    public void TruncatedNormalUsesSqrtOf1Point3TimesFactorOverN(double factor, FanMode mode, double n)
    {
        RandomOps.SetSeed(5);
        using var values = SlimInitializers.VarianceScaling(factor, mode).Create([100, 400], ScalarType.Float64);
        var stddev = Math.Sqrt(1.3 * factor / n);
        var data = values.data<double>().ToArray();
        var mean = data.Average();
        var sampleStddev = Math.Sqrt(data.Sum(v => (v - mean) * (v - mean)) / data.Length);

        Assert.Multiple(() =>
        {
            Assert.That(data.Max(Math.Abs), Is.LessThanOrEqualTo(2 * stddev));
            Assert.That(sampleStddev, Is.EqualTo(stddev * TruncatedUnitStddev).Within(2).Percent);
        });
    }

    [Test]
    public void L2IsHalfTheScaleTimesTheSumOfSquares()
    {
        using var weights = tensor(new float[] { 1, 2, 3 });
        using var loss = SlimRegularizers.L2(0.1)!.Loss(weights);

        Assert.That(loss.ToDouble(), Is.EqualTo(0.7).Within(1e-6));
    }

    [Test]
    public void L2OfZeroScaleIsNoRegularizerAtAll() => Assert.That(SlimRegularizers.L2(0.0), Is.Null);

    [Test]
    public void NegativeL2ScaleIsRefused() =>
        Assert.That(() => SlimRegularizers.L2(-0.1), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
