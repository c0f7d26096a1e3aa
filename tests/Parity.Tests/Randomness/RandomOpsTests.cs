using System;
using System.Linq;
using Parity.Randomness;
using static TorchSharp.torch;

namespace Parity.Tests.Randomness;

/// <summary>Distribution properties, prefix and dtype consistency, and argument checks of every random op.</summary>
public class RandomOpsTests
{
    private const int Samples = 200_000;

    private static double[] Values(Tensor tensor)
    {
        using (tensor)
        {
            using var wide = tensor.to(ScalarType.Float64);
            return wide.data<double>().ToArray();
        }
    }

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }

    [Test]
    public void Uniform_StaysInItsHalfOpenRange_WithTheRightMean()
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        var values = Values(RandomOps.Uniform([Samples], -2, 6, ScalarType.Float64));

        Assert.That(values.Min(), Is.GreaterThanOrEqualTo(-2.0));
        Assert.That(values.Max(), Is.LessThan(6.0));
        Assert.That(values.Average(), Is.EqualTo(2.0).Within(0.03), "mean of U(-2, 6) is 2; 4 standard errors is 0.02");
    }

    [Test]
    public void Uniform_InFloat32_NeverRoundsUpToHigh()
    {
        // Between 2^24 - 1 and 2^24 float32 has no value in between, so every draw in the upper half
        // of the interval rounds to 2^24 unless the op keeps the range half-open.
        using var scope = new DeterministicRandomTestTool().Scope();
        var values = Values(RandomOps.Uniform([1000], 16_777_215, 16_777_216, ScalarType.Float32));

        Assert.That(values, Is.All.EqualTo(16_777_215.0));
    }

    [Test]
    public void Normal_HasTheRequestedMeanAndStddev()
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        var values = Values(RandomOps.Normal([Samples], 1.5, 2.0, ScalarType.Float64));

        Assert.That(values.Average(), Is.EqualTo(1.5).Within(0.02));
        Assert.That(StandardDeviation(values), Is.EqualTo(2.0).Within(0.02));
        Assert.That(values.Count(v => Math.Abs(v - 1.5) > 4.0) / (double)Samples, Is.EqualTo(0.0455).Within(0.003), "P(|z| > 2) = 4.55%");
    }

    [Test]
    public void TruncatedNormal_NeverLeavesTwoStddevs_AndHasTheTruncatedSpread()
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        var values = Values(RandomOps.TruncatedNormal([Samples], -1.0, 0.5, ScalarType.Float64));

        Assert.That(values.Min(), Is.GreaterThanOrEqualTo(-2.0));
        Assert.That(values.Max(), Is.LessThanOrEqualTo(0.0));
        Assert.That(values.Average(), Is.EqualTo(-1.0).Within(0.005));

        // A standard normal truncated to [-2, 2] has variance 1 - 4·phi(2)/(Phi(2) - Phi(-2)) = 0.773741.
        Assert.That(StandardDeviation(values), Is.EqualTo(0.5 * Math.Sqrt(0.773741)).Within(0.004));
    }

    [Test]
    public void Bernoulli_DrawsOnesWithProbabilityP_InTheRequestedDType()
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        using var draw = RandomOps.Bernoulli([Samples], 0.3, ScalarType.Int64);
        var values = draw.data<long>().ToArray();

        Assert.That(draw.dtype, Is.EqualTo(ScalarType.Int64));
        Assert.That(values.Distinct().Order(), Is.EqualTo(new long[] { 0, 1 }));
        Assert.That(values.Average(), Is.EqualTo(0.3).Within(0.005));
    }

    [Test]
    public void Bernoulli_WithBoolDType_GivesTrueAndFalse()
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        using var draw = RandomOps.Bernoulli([1000], 0.5, ScalarType.Bool);

        Assert.That(draw.data<bool>().ToArray().Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public void Dropout_InTraining_DropsTheRateAndScalesTheRest()
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        using var x = full([Samples], 2.0, ScalarType.Float32);
        using var y = RandomOps.Dropout(x, 0.25, training: true);
        var values = y.data<float>().ToArray();

        Assert.That(values.Distinct().Order(), Is.EqualTo(new[] { 0f, 2f / 0.75f }));
        Assert.That(values.Count(v => v == 0) / (double)Samples, Is.EqualTo(0.25).Within(0.005));
    }

    [Test]
    public void Dropout_OutsideTraining_ReturnsTheInputAndDrawsNothing()
    {
        var tool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
        using var scope = tool.Scope();
        using var x = ones([4], ScalarType.Float32);

        Assert.That(RandomOps.Dropout(x, 0.5, training: false), Is.SameAs(x));
        Assert.That(tool.OperationSeed, Is.EqualTo(0));
    }

    [Test]
    public void Dropout_KeepsTheSameElementsForTheSameSeed()
    {
        using var x = arange(1, 101, 1, ScalarType.Float64);
        double[] first, second;
        using (new DeterministicRandomTestTool().Scope())
        {
            first = Values(RandomOps.Dropout(x, 0.5, training: true));
        }

        using (new DeterministicRandomTestTool().Scope())
        {
            second = Values(RandomOps.Dropout(x, 0.5, training: true));
        }

        Assert.That(second, Is.EqualTo(first));
    }

    [TestCase("uniform")]
    [TestCase("normal")]
    [TestCase("truncated")]
    [TestCase("bernoulli")]
    public void EveryOp_ASmallerDrawIsAPrefixOfALargerOne(string op)
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        var small = Values(Draw(op, [5], ScalarType.Float64));
        var large = Values(Draw(op, [4, 100], ScalarType.Float64));

        Assert.That(small, Is.EqualTo(large.Take(5)));
    }

    [TestCase("uniform")]
    [TestCase("normal")]
    [TestCase("truncated")]
    public void EveryOp_AFloat32DrawIsTheFloat64DrawRounded(string op)
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        var narrow = Values(Draw(op, [1000], ScalarType.Float32));
        var wide = Values(Draw(op, [1000], ScalarType.Float64));

        Assert.That(narrow, Is.EqualTo(wide.Select(v => (double)(float)v)));
    }

    [TestCase("uniform")]
    [TestCase("normal")]
    [TestCase("truncated")]
    [TestCase("bernoulli")]
    [TestCase("dropout")]
    public void EveryOp_ConsumesOneOperationSeed(string op)
    {
        var tool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
        using var scope = tool.Scope();
        Draw(op, [10], ScalarType.Float32).Dispose();

        Assert.That(tool.OperationSeed, Is.EqualTo(1));
    }

    [Test]
    public void Ops_RejectBadArguments_WithMessagesThatSayWhatToPass()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => RandomOps.Uniform([2], 1, 1), Throws.ArgumentException.With.Message.Contains("low < high"));
            Assert.That(() => RandomOps.Uniform([2, -1], 0, 1), Throws.ArgumentException.With.Message.Contains("negative dimensions"));
            Assert.That(() => RandomOps.Normal([2], 0, 1, ScalarType.Int32), Throws.ArgumentException.With.Message.Contains("ScalarType.Float32 or ScalarType.Float64"));
            Assert.That(() => RandomOps.Normal([2], 0, -1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("non-negative standard deviation"));
            Assert.That(() => RandomOps.TruncatedNormal([2], 0, double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => RandomOps.Bernoulli([2], 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("[0, 1]"));
            using var x = ones(2);
            Assert.That(() => RandomOps.Dropout(x, 1.0, training: true), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("[0, 1)"));
        });
    }

    [Test]
    [NonParallelizable]
    public void OutsideAToolScope_TheGlobalSeedMakesDrawsRepeatable()
    {
        RandomOps.SetSeed(1234);
        var first = Values(RandomOps.Normal([8], 0, 1));
        var next = Values(RandomOps.Normal([8], 0, 1));
        RandomOps.SetSeed(1234);
        var again = Values(RandomOps.Normal([8], 0, 1));

        Assert.That(again, Is.EqualTo(first));
        Assert.That(next, Is.Not.EqualTo(first), "the global generator advances between ops");
    }

    private static Tensor Draw(string op, long[] shape, ScalarType dtype) => op switch
    {
        "uniform" => RandomOps.Uniform(shape, -1, 3, dtype),
        "normal" => RandomOps.Normal(shape, 0.5, 2, dtype),
        "truncated" => RandomOps.TruncatedNormal(shape, 0.5, 2, dtype),
        "bernoulli" => RandomOps.Bernoulli(shape, 0.4, dtype),
        _ => DropoutOfOnes(shape, dtype),
    };

    private static Tensor DropoutOfOnes(long[] shape, ScalarType dtype)
    {
        using var input = ones(shape, dtype);
        return RandomOps.Dropout(input, 0.5, training: true);
    }
}
