using System;
using System.Linq;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Tests.Testing;

/// <summary>
/// TensorAssert.AllClose and Compare: the closeness rule, per-dtype defaults, NaN and infinity
/// policy, shape and dtype checks, and the report. Expected numbers are computed by hand.
/// </summary>
public class AllCloseTests
{
    private static Tensor F64(double[] values, params long[] shape) => tensor(values, shape);

    private static Tensor F32(float[] values, params long[] shape) => tensor(values, shape);

    [Test]
    public void IdenticalTensors_AreClose()
    {
        using var a = F32([1, 2, 3, 4, 5, 6], 2, 3);
        using var b = F32([1, 2, 3, 4, 5, 6], 2, 3);

        var comparison = TensorAssert.Compare(a, b);

        Assert.That(comparison.IsClose, Is.True);
        Assert.That(comparison.Report, Is.EqualTo("Tensors are close: 6 float32 elements of shape (2, 3) within rtol=1.3e-06, atol=1e-05."));
        Assert.DoesNotThrow(() => TensorAssert.AllClose(a, b));
    }

    [Test]
    public void DefaultTolerances_FollowTheDType()
    {
        Assert.That(Tolerance.DefaultFor(ScalarType.Float32), Is.EqualTo(new Tolerance(1.3e-6, 1e-5)));
        Assert.That(Tolerance.DefaultFor(ScalarType.Float64), Is.EqualTo(new Tolerance(1e-7, 1e-7)));
        Assert.That(Tolerance.DefaultFor(ScalarType.Int32), Is.EqualTo(Tolerance.Exact));
        Assert.That(Tolerance.DefaultFor(ScalarType.Int64), Is.EqualTo(Tolerance.Exact));
        Assert.That(Tolerance.DefaultFor(ScalarType.Bool), Is.EqualTo(Tolerance.Exact));
    }

    [Test]
    public void TheRuleIsAbsoluteDifferenceWithinAtolPlusRtolTimesExpected()
    {
        // Expected 100, rtol 0.01, atol 0.5: allowed |a - e| = 0.5 + 0.01 * 100 = 1.5.
        using var expected = F64([100, 100, -100], 3);
        using var inside = F64([101.49, 98.51, -101.49], 3);
        using var outside = F64([101.51, 100, -100], 3);

        Assert.That(TensorAssert.Compare(inside, expected, rtol: 0.01, atol: 0.5).IsClose, Is.True);
        Assert.That(TensorAssert.Compare(outside, expected, rtol: 0.01, atol: 0.5).MismatchCount, Is.EqualTo(1));
    }

    [Test]
    public void TheRuleIsNotSymmetric_TheExpectedValueScalesTheTolerance()
    {
        // rtol 0.5, atol 0: |10 - 6| = 4 > 0.5 * 6 = 3, but 4 <= 0.5 * 10 = 5.
        using var six = F64([6], 1);
        using var ten = F64([10], 1);

        Assert.That(TensorAssert.Compare(ten, six, rtol: 0.5, atol: 0).IsClose, Is.False);
        Assert.That(TensorAssert.Compare(six, ten, rtol: 0.5, atol: 0).IsClose, Is.True);
    }

    [Test]
    public void AMismatch_ReportsCountPercentGreatestDifferencesAndSamples()
    {
        using var expected = F64([1, 2, 3, 4, 5, 6], 2, 3);
        using var actual = F64([1, 2.5, 3, 4, 5, 7], 2, 3);

        var error = Assert.Throws<TensorMismatchException>(() => TensorAssert.AllClose(actual, expected));

        // Hand computation: mismatches at (0, 1) |2.5 - 2| = 0.5 (relative 0.25) and (1, 2)
        // |7 - 6| = 1 (relative 1/6); allowed at (1, 2) is 1e-7 + 1e-7 * 6 = 7e-7.
        Assert.That(error!.Message, Is.EqualTo(
            "Tensors are not close (shape (2, 3), float64, rtol=1e-07, atol=1e-07)." + Environment.NewLine +
            "Mismatched elements: 2 of 6 (33.3%)." + Environment.NewLine +
            "Greatest absolute difference: 1 at index (1, 2) (allowed 7e-07 there)." + Environment.NewLine +
            "Greatest relative difference: 0.25 at index (0, 1) (allowed 1e-07)." + Environment.NewLine +
            "First mismatches in C order (index: actual vs expected):" + Environment.NewLine +
            "  (0, 1): 2.5 vs 2" + Environment.NewLine +
            "  (1, 2): 7 vs 6"));
        Assert.That(error.Comparison.GreatestAbsolute!.Index, Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(error.Comparison.GreatestRelative!.Difference, Is.EqualTo(0.25));
    }

    [Test]
    public void ACallerMessage_ComesBeforeTheReport()
    {
        using var expected = F64([1], 1);
        using var actual = F64([2], 1);

        var error = Assert.Throws<TensorMismatchException>(() => TensorAssert.AllClose(actual, expected, message: "logits after block 3"));

        Assert.That(error!.Message, Does.StartWith("logits after block 3" + Environment.NewLine + "Tensors are not close"));
    }

    [Test]
    public void Samples_AreTheFirstFiveMismatchesInCOrder()
    {
        using var expected = zeros([4, 5], ScalarType.Float64);
        using var actual = ones([4, 5], ScalarType.Float64);

        var comparison = TensorAssert.Compare(actual, expected);

        Assert.That(comparison.MismatchCount, Is.EqualTo(20));
        Assert.That(comparison.Report, Does.Contain("Mismatched elements: 20 of 20 (100.0%)."));
        Assert.That(comparison.Samples.Select(s => s.Index), Is.EqualTo(new[]
        {
            new long[] { 0, 0 }, [0, 1], [0, 2], [0, 3], [0, 4],
        }));
    }

    [Test]
    public void NaN_NeverMatches_UnlessEqualNanIsSet()
    {
        using var expected = F64([double.NaN, 1, 2], 3);
        using var sameNan = F64([double.NaN, 1, 2], 3);
        using var nanForNumber = F64([1, double.NaN, 2], 3);

        var strict = TensorAssert.Compare(sameNan, expected);
        Assert.That(strict.MismatchCount, Is.EqualTo(1));
        Assert.That(strict.NanMismatchCount, Is.EqualTo(1));
        Assert.That(strict.Report, Does.Contain("Mismatches involving NaN: 1 (NaN equals NaN only with equalNan: true)."));
        Assert.That(strict.Report, Does.Contain("  (0,): NaN vs NaN"));
        Assert.That(strict.GreatestAbsolute, Is.Null, "a NaN difference is counted, not ranked");

        Assert.That(TensorAssert.Compare(sameNan, expected, equalNan: true).IsClose, Is.True);

        var swapped = TensorAssert.Compare(nanForNumber, expected, equalNan: true);
        Assert.That(swapped.MismatchCount, Is.EqualTo(2), "NaN against a number is a mismatch in both directions");
    }

    [Test]
    public void Infinities_MatchOnlyTheSameInfinity()
    {
        using var expected = F64([double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, 1], 4);
        using var actual = F64([double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity], 4);

        var comparison = TensorAssert.Compare(actual, expected, rtol: 10, atol: 10);

        Assert.That(comparison.MismatchCount, Is.EqualTo(2));
        Assert.That(comparison.Samples.Select(s => s.Index[0]), Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(comparison.Report, Does.Contain("Mismatched elements: 2 of 4 (50.0%)."));
        Assert.That(comparison.Report, Does.Contain("  (2,): -Infinity vs Infinity" + Environment.NewLine + "  (3,): Infinity vs 1"));
    }

    [Test]
    public void AFiniteValue_NeverMatchesAnInfiniteExpectation_EvenWithAHugeRelativeTolerance()
    {
        // rtol * |inf| is an infinite allowance; the difference is infinite too, and must fail.
        using var expected = F32([float.PositiveInfinity, 2], 2);
        using var actual = F32([5, 2], 2);

        var comparison = TensorAssert.Compare(actual, expected, rtol: 1, atol: 0);

        Assert.That(comparison.MismatchCount, Is.EqualTo(1));
        Assert.That(comparison.Report, Does.Contain("(0,): 5 vs Infinity"));
    }

    [Test]
    public void EmptyTensors_OfTheSameShape_AreClose()
    {
        using var a = zeros([0, 3]);
        using var b = zeros([0, 3]);

        var comparison = TensorAssert.Compare(a, b);

        Assert.That(comparison.IsClose, Is.True);
        Assert.That(comparison.ElementCount, Is.Zero);
        Assert.That(comparison.Report, Is.EqualTo("Tensors are close: 0 float32 elements of shape (0, 3) within rtol=1.3e-06, atol=1e-05."));
    }

    [Test]
    public void EmptyTensors_OfDifferentShapes_AreAShapeMismatch()
    {
        using var a = zeros([0, 3]);
        using var b = zeros([3, 0]);

        var error = Assert.Throws<TensorMismatchException>(() => TensorAssert.AllClose(a, b));

        Assert.That(error!.Message, Does.StartWith("Tensor shapes differ: actual (0, 3), expected (3, 0)."));
    }

    [Test]
    public void DifferentShapes_FailBeforeAnyValueIsCompared()
    {
        using var a = zeros([2, 3]);
        using var b = zeros([3, 2]);

        var error = Assert.Throws<TensorMismatchException>(() => TensorAssert.AllClose(a, b));

        Assert.That(error!.Comparison.Outcome, Is.EqualTo(ComparisonOutcome.ShapeMismatch));
        Assert.That(error.Message, Does.StartWith("Tensor shapes differ: actual (2, 3), expected (3, 2)."));
    }

    [Test]
    public void ScalarAgainstOneElementVector_IsAShapeMismatch()
    {
        using var scalar = tensor(1.0f);
        using var vector = ones([1]);

        Assert.That(TensorAssert.Compare(scalar, vector).Report, Does.StartWith("Tensor shapes differ: actual (), expected (1,)."));
    }

    [Test]
    public void DifferentDTypes_FailWithBothNames()
    {
        using var a = zeros([2], ScalarType.Float32);
        using var b = zeros([2], ScalarType.Float64);

        var error = Assert.Throws<TensorMismatchException>(() => TensorAssert.AllClose(a, b));

        Assert.That(error!.Message, Is.EqualTo(
            "Tensor dtypes differ: actual float32, expected float64 (shape (2,)). Convert one side with to_type(ScalarType) if the difference is intended."));
    }

    [Test]
    public void Integers_AreComparedExactly_EvenBeyondFloat64Precision()
    {
        // 2^53 + 1 and 2^53 are the same float64, so only an integer comparison tells them apart.
        using var expected = tensor(new long[] { 9007199254740992, 3 });
        using var actual = tensor(new long[] { 9007199254740993, 3 });

        var comparison = TensorAssert.Compare(actual, expected);

        Assert.That(comparison.MismatchCount, Is.EqualTo(1));
        Assert.That(comparison.GreatestAbsolute!.Difference, Is.EqualTo(1.0));
        Assert.That(comparison.Report, Does.Contain("exact equality"));
        Assert.That(comparison.Report, Does.Contain("(0,): 9007199254740993 vs 9007199254740992"));
    }

    [Test]
    public void Integers_WithAnExplicitTolerance_UseTheSameRule()
    {
        using var expected = tensor(new[] { 100, 200 });
        using var actual = tensor(new[] { 101, 203 });

        Assert.That(TensorAssert.Compare(actual, expected, rtol: 0, atol: 2).MismatchCount, Is.EqualTo(1));
    }

    [Test]
    public void Booleans_CountMismatchesAndShowValues()
    {
        using var expected = tensor(new[] { true, true, false });
        using var actual = tensor(new[] { true, false, false });

        var comparison = TensorAssert.Compare(actual, expected);

        Assert.That(comparison.MismatchCount, Is.EqualTo(1));
        Assert.That(comparison.Report, Does.Contain("(1,): false vs true"));
    }

    [Test]
    public void ManyChunks_CountEveryMismatch_AndLocateTheGreatestAcrossChunks()
    {
        // 3 x 500 x 700 = 1.05 M elements: five chunks of 2^18.
        using var expected = zeros([3, 500, 700], ScalarType.Float32);
        using var actual = zeros([3, 500, 700], ScalarType.Float32);
        using (no_grad())
        {
            actual[0, 1, 2].fill_(0.5);   // flat 702, first chunk
            actual[1, 100, 3].fill_(-2);  // flat 420 003, second chunk
            actual[2, 499, 699].fill_(1); // flat 1 049 999, last chunk
        }

        var comparison = TensorAssert.Compare(actual, expected);

        Assert.That(comparison.MismatchCount, Is.EqualTo(3));
        Assert.That(comparison.GreatestAbsolute!.Index, Is.EqualTo(new long[] { 1, 100, 3 }));
        Assert.That(comparison.GreatestAbsolute.Difference, Is.EqualTo(2.0));
        Assert.That(comparison.Samples.Select(s => s.Index), Is.EqualTo(new[]
        {
            new long[] { 0, 1, 2 }, [1, 100, 3], [2, 499, 699],
        }));
        Assert.That(comparison.Report, Does.Contain("Mismatched elements: 3 of 1050000 (0.00029%)."));
    }

    [Test]
    public void LargeTensors_AreComparedWithoutCopyingThemIntoManagedMemory()
    {
        // 10 M float32 elements are 40 MB per tensor; reading either back would allocate that much.
        using var expected = ones([10_000_000]);
        using var actual = expected + 1e-6;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var comparison = TensorAssert.Compare(actual, expected);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(comparison.IsClose, Is.True);
        Assert.That(allocated, Is.LessThan(1 << 20), "only scalars and handles cross into managed memory");
    }

    [Test]
    public void NonContiguousTensors_AreComparedByLogicalIndex()
    {
        using var matrix = arange(0, 6, 1, ScalarType.Float64).reshape(2, 3);
        using var transposed = matrix.transpose(0, 1);
        using var expected = F64([0, 3, 1, 4, 2, 5], 3, 2);

        Assert.That(TensorAssert.Compare(transposed, expected).IsClose, Is.True);
    }

    [Test]
    public void TensorsThatRequireGrad_CanBeCompared()
    {
        using var a = ones([3]);
        a.requires_grad = true;
        using var b = ones([3]);

        Assert.That(TensorAssert.Compare(a, b).IsClose, Is.True);
    }

    [Test]
    public void NegativeTolerances_AreRejected()
    {
        using var a = ones([1]);

        Assert.That(() => TensorAssert.Compare(a, a, rtol: -1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("rtol"));
        Assert.That(() => TensorAssert.Compare(a, a, atol: double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("atol"));
    }
}
