using System;
using System.Collections.Generic;
using Parity.Torch;

namespace Parity.Testing;

/// <summary>
/// The element-wise comparison behind <see cref="TensorAssert"/>. Everything runs in libtorch:
/// only scalars and a few sample elements are read back, never the tensors themselves.
/// </summary>
/// <remarks>
/// The flattened tensors are walked in chunks small enough to stay in cache, so each input is
/// read from memory about once even though the check takes several element-wise passes; a chunk
/// that passes the cheap check costs no more. Only a chunk that fails gets the detailed pass
/// (exact NaN and infinity rules, greatest differences, samples).
/// </remarks>
internal static class CloseComparer
{
    /// <summary>Elements per chunk: 256 Ki float32 = 1 MiB per operand.</summary>
    internal const long ChunkElements = 1L << 18;

    /// <summary>How many mismatched elements the report lists.</summary>
    internal const int SampleCount = 5;

    public static TensorComparison Compare(Tensor actual, Tensor expected, double? rtol, double? atol, bool equalNan)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var actualShape = actual.Shape;
        var expectedShape = expected.Shape;
        var tolerance = Tolerance.Resolve(expected.DType, rtol, atol);

        if (!actualShape.AsSpan().SequenceEqual(expectedShape))
        {
            return new TensorComparison(ComparisonOutcome.ShapeMismatch, actualShape, expectedShape, actual.DType, expected.DType, tolerance, equalNan);
        }

        if (actual.DType != expected.DType)
        {
            return new TensorComparison(ComparisonOutcome.DTypeMismatch, actualShape, expectedShape, actual.DType, expected.DType, tolerance, equalNan);
        }

        var state = new Accumulator(actualShape, actual.DType, tolerance, equalNan);
        var total = actual.NumElements;
        if (total > 0)
        {
            using var scope = Torch.Torch.NewDisposeScope();
            using var noGrad = Torch.Torch.NoGrad();
            var flatActual = actual.Reshape(new[] { total });
            var flatExpected = expected.Reshape(new[] { total });
            for (long start = 0; start < total; start += ChunkElements)
            {
                using var chunkScope = Torch.Torch.NewDisposeScope();
                var end = Math.Min(start + ChunkElements, total);
                var a = flatActual.Slice(0, start, end, 1);
                var e = flatExpected.Slice(0, start, end, 1);
                if (!QuickCheckPasses(a, e, state))
                {
                    DetailedCheck(a, e, start, state);
                }
            }
        }

        return state.MismatchCount == 0
            ? new TensorComparison(ComparisonOutcome.Close, actualShape, expectedShape, actual.DType, expected.DType, tolerance, equalNan)
            : new TensorComparison(
                ComparisonOutcome.ValueMismatch, actualShape, expectedShape, actual.DType, expected.DType, tolerance, equalNan,
                state.MismatchCount, state.NanMismatchCount, state.GreatestAbsolute, state.GreatestRelative, state.Samples);
    }

    /// <summary>
    /// True when every element of the chunk is certainly close. It can wrongly say false (NaN, or
    /// equal infinities), never wrongly true.
    /// </summary>
    /// <remarks>
    /// The slack <c>allowed − |a − e|</c> is non-negative exactly where the element is within
    /// tolerance; NaN (from a NaN input, or an infinite difference against an infinite allowance)
    /// makes the minimum NaN, which fails the check and sends the chunk to the detailed pass. The
    /// slack is built in place so the chunk's working set stays small.
    /// </remarks>
    private static bool QuickCheckPasses(Tensor a, Tensor e, Accumulator state)
    {
        if (!IsFloating(a.DType) && state.Tolerance == Tolerance.Exact)
        {
            return a.Eq(e).All().Item<bool>();
        }

        var (difference, slack) = DifferenceAndAllowance(a, e, state.Tolerance);
        slack.SubInPlace(difference);
        return slack.Min().ToDouble() >= 0.0;
    }

    private static void DetailedCheck(Tensor a, Tensor e, long offset, Accumulator state)
    {
        Tensor mismatch;
        Tensor? difference = null;
        Tensor? allowed = null;
        if (a.DType == DType.Bool || (!IsFloating(a.DType) && state.Tolerance == Tolerance.Exact))
        {
            mismatch = a.Ne(e);
            if (a.DType != DType.Bool)
            {
                // Subtract in int64 so large integers keep their exact difference, then widen for the report.
                difference = (a.To(DType.Int64) - e.To(DType.Int64)).Abs().To(DType.Float64);
                allowed = Tensor.ZerosLike(difference);
            }
        }
        else
        {
            (difference, allowed) = DifferenceAndAllowance(a, e, state.Tolerance);

            // Equal values (including equal infinities) are close; otherwise the difference must be
            // finite and within the allowance. NaN fails every comparison, so it is a mismatch
            // unless both sides are NaN and equalNan is set.
            var close = a.Eq(e).LogicalOr(difference.IsFinite().LogicalAnd(difference.Le(allowed)));
            if (state.EqualNan)
            {
                close = close.LogicalOr(a.IsNan().LogicalAnd(e.IsNan()));
            }

            mismatch = close.LogicalNot();
        }

        var count = mismatch.Sum().ToInt64();
        if (count == 0)
        {
            return;
        }

        state.MismatchCount += count;
        if (difference is not null && allowed is not null)
        {
            var nan = difference.IsNan();
            state.NanMismatchCount += mismatch.LogicalAnd(nan).Sum().ToInt64();
            var ranked = mismatch.LogicalAnd(nan.LogicalNot());
            TrackGreatest(ranked, difference, offset, state, (index, value) =>
            {
                if (state.GreatestAbsolute is null || value > state.GreatestAbsolute.Difference)
                {
                    state.GreatestAbsolute = new ElementDifference(state.Unravel(index), value, ElementAt(allowed, index - offset));
                }
            });

            var relative = difference / e.To(difference.DType).Abs();
            TrackGreatest(ranked.LogicalAnd(relative.IsNan().LogicalNot()), relative, offset, state, (index, value) =>
            {
                if (state.GreatestRelative is null || value > state.GreatestRelative.Difference)
                {
                    state.GreatestRelative = new ElementDifference(state.Unravel(index), value, state.Tolerance.Rtol);
                }
            });
        }

        CollectSamples(a, e, mismatch, offset, state);
    }

    /// <summary>Finds the greatest value of <paramref name="values"/> where <paramref name="mask"/> holds.</summary>
    private static void TrackGreatest(Tensor mask, Tensor values, long offset, Accumulator state, Action<long, double> offer)
    {
        if (!mask.Any().Item<bool>())
        {
            return;
        }

        using var floor = Tensor.Scalar(-1.0, values.DType);
        var masked = Tensor.Where(mask, values, floor);
        var index = masked.ArgMax().ToInt64();
        offer(offset + index, ElementAt(values, index));
    }

    /// <summary>Reads the first mismatches in C order: argmax of a 0/1 mask finds the first 1.</summary>
    private static void CollectSamples(Tensor a, Tensor e, Tensor mismatch, long offset, Accumulator state)
    {
        var flags = mismatch.To(DType.Int32);
        var length = flags.NumElements;
        long from = 0;
        while (state.Samples.Count < SampleCount && from < length)
        {
            var rest = flags.Slice(0, from, length, 1);
            var first = rest.ArgMax().ToInt64();
            if (ElementAt(rest, first) == 0)
            {
                return;
            }

            var index = from + first;
            state.Samples.Add(new MismatchSample(
                state.Unravel(offset + index),
                MismatchReport.Value(a.Slice(0, index, index + 1, 1)),
                MismatchReport.Value(e.Slice(0, index, index + 1, 1))));
            from = index + 1;
        }
    }

    private static (Tensor Difference, Tensor Allowed) DifferenceAndAllowance(Tensor a, Tensor e, Tolerance tolerance)
    {
        // Integers are compared in float64 so a difference cannot overflow the integer type.
        if (!IsFloating(a.DType))
        {
            a = a.To(DType.Float64);
            e = e.To(DType.Float64);
        }

        var difference = (a - e).Abs();
        var allowed = e.Abs();
        allowed.MulInPlace(tolerance.Rtol);
        allowed.AddInPlace(tolerance.Atol);
        return (difference, allowed);
    }

    private static double ElementAt(Tensor flat, long index) => flat.Slice(0, index, index + 1, 1).ToDouble();

    private static bool IsFloating(DType dtype) => dtype is DType.Float32 or DType.Float64;

    private sealed class Accumulator(long[] shape, DType dtype, Tolerance tolerance, bool equalNan)
    {
        public DType DType { get; } = dtype;

        public Tolerance Tolerance { get; } = tolerance;

        public bool EqualNan { get; } = equalNan;

        public long MismatchCount { get; set; }

        public long NanMismatchCount { get; set; }

        public ElementDifference? GreatestAbsolute { get; set; }

        public ElementDifference? GreatestRelative { get; set; }

        public List<MismatchSample> Samples { get; } = new();

        /// <summary>Turns a flat C-order index into one index per dimension.</summary>
        public long[] Unravel(long flat)
        {
            var index = new long[shape.Length];
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                index[d] = flat % shape[d];
                flat /= shape[d];
            }

            return index;
        }
    }
}
