using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

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
        var actualShape = actual.shape;
        var expectedShape = expected.shape;
        var tolerance = Tolerance.Resolve(expected.dtype, rtol, atol);

        if (!actualShape.AsSpan().SequenceEqual(expectedShape))
        {
            return new TensorComparison(ComparisonOutcome.ShapeMismatch, actualShape, expectedShape, actual.dtype, expected.dtype, tolerance, equalNan);
        }

        if (actual.dtype != expected.dtype)
        {
            return new TensorComparison(ComparisonOutcome.DTypeMismatch, actualShape, expectedShape, actual.dtype, expected.dtype, tolerance, equalNan);
        }

        var state = new Accumulator(actualShape, actual.dtype, tolerance, equalNan);
        var total = actual.numel();
        if (total > 0)
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var flatActual = actual.reshape(total);
            var flatExpected = expected.reshape(total);
            for (long start = 0; start < total; start += ChunkElements)
            {
                using var chunkScope = torch.NewDisposeScope();
                var end = Math.Min(start + ChunkElements, total);
                var a = flatActual.slice(0, start, end, 1);
                var e = flatExpected.slice(0, start, end, 1);
                if (!QuickCheckPasses(a, e, state))
                {
                    DetailedCheck(a, e, start, state);
                }
            }
        }

        return state.MismatchCount == 0
            ? new TensorComparison(ComparisonOutcome.Close, actualShape, expectedShape, actual.dtype, expected.dtype, tolerance, equalNan)
            : new TensorComparison(
                ComparisonOutcome.ValueMismatch, actualShape, expectedShape, actual.dtype, expected.dtype, tolerance, equalNan,
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
        if (!IsFloating(a.dtype) && state.Tolerance == Tolerance.Exact)
        {
            return a.eq(e).all().item<bool>();
        }

        var (difference, slack) = DifferenceAndAllowance(a, e, state.Tolerance);
        slack.sub_(difference);
        return slack.min().ToDouble() >= 0.0;
    }

    private static void DetailedCheck(Tensor a, Tensor e, long offset, Accumulator state)
    {
        Tensor mismatch;
        Tensor? difference = null;
        Tensor? allowed = null;
        if (a.dtype == ScalarType.Bool || (!IsFloating(a.dtype) && state.Tolerance == Tolerance.Exact))
        {
            mismatch = a.ne(e);
            if (a.dtype != ScalarType.Bool)
            {
                // Subtract in int64 so large integers keep their exact difference, then widen for the report.
                difference = (a.to_type(ScalarType.Int64) - e.to_type(ScalarType.Int64)).abs().to_type(ScalarType.Float64);
                allowed = torch.zeros_like(difference);
            }
        }
        else
        {
            (difference, allowed) = DifferenceAndAllowance(a, e, state.Tolerance);

            // Equal values (including equal infinities) are close; otherwise the difference must be
            // finite and within the allowance. NaN fails every comparison, so it is a mismatch
            // unless both sides are NaN and equalNan is set.
            var close = a.eq(e).logical_or(difference.isfinite().logical_and(difference.le(allowed)));
            if (state.EqualNan)
            {
                close = close.logical_or(a.isnan().logical_and(e.isnan()));
            }

            mismatch = close.logical_not();
        }

        var count = mismatch.sum().ToInt64();
        if (count == 0)
        {
            return;
        }

        state.MismatchCount += count;
        if (difference is not null && allowed is not null)
        {
            var nan = difference.isnan();
            state.NanMismatchCount += mismatch.logical_and(nan).sum().ToInt64();
            var ranked = mismatch.logical_and(nan.logical_not());
            TrackGreatest(ranked, difference, offset, state, (index, value) =>
            {
                if (state.GreatestAbsolute is null || value > state.GreatestAbsolute.Difference)
                {
                    state.GreatestAbsolute = new ElementDifference(state.Unravel(index), value, ElementAt(allowed, index - offset));
                }
            });

            var relative = difference / e.to_type(difference.dtype).abs();
            TrackGreatest(ranked.logical_and(relative.isnan().logical_not()), relative, offset, state, (index, value) =>
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
        if (!mask.any().item<bool>())
        {
            return;
        }

        using var unranked = mask.logical_not();
        var masked = values.masked_fill(unranked, -1.0);
        var index = masked.argmax().ToInt64();
        offer(offset + index, ElementAt(values, index));
    }

    /// <summary>Reads the first mismatches in C order: argmax of a 0/1 mask finds the first 1.</summary>
    private static void CollectSamples(Tensor a, Tensor e, Tensor mismatch, long offset, Accumulator state)
    {
        var flags = mismatch.to_type(ScalarType.Int32);
        var length = flags.numel();
        long from = 0;
        while (state.Samples.Count < SampleCount && from < length)
        {
            var rest = flags.slice(0, from, length, 1);
            var first = rest.argmax().ToInt64();
            if (ElementAt(rest, first) == 0)
            {
                return;
            }

            var index = from + first;
            state.Samples.Add(new MismatchSample(
                state.Unravel(offset + index),
                MismatchReport.Value(a.slice(0, index, index + 1, 1)),
                MismatchReport.Value(e.slice(0, index, index + 1, 1))));
            from = index + 1;
        }
    }

    private static (Tensor Difference, Tensor Allowed) DifferenceAndAllowance(Tensor a, Tensor e, Tolerance tolerance)
    {
        // Integers are compared in float64 so a difference cannot overflow the integer type.
        if (!IsFloating(a.dtype))
        {
            a = a.to_type(ScalarType.Float64);
            e = e.to_type(ScalarType.Float64);
        }

        var difference = (a - e).abs();
        var allowed = e.abs();
        allowed.mul_(tolerance.Rtol);
        allowed.add_(tolerance.Atol);
        return (difference, allowed);
    }

    private static double ElementAt(Tensor flat, long index) => flat.slice(0, index, index + 1, 1).ToDouble();

    private static bool IsFloating(ScalarType dtype) => DTypeNames.IsFloating(dtype);

    private sealed class Accumulator(long[] shape, ScalarType dtype, Tolerance tolerance, bool equalNan)
    {
        public ScalarType DType { get; } = dtype;

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
