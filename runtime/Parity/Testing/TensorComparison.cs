using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>
/// The result of comparing two tensors element-wise: whether they are close and, when not, the
/// facts that locate the difference. <see cref="Report"/> is the human-readable message.
/// </summary>
public sealed class TensorComparison
{
    internal TensorComparison(
        ComparisonOutcome outcome,
        long[] actualShape,
        long[] expectedShape,
        ScalarType actualDType,
        ScalarType expectedDType,
        Tolerance tolerance,
        bool equalNan,
        long mismatchCount = 0,
        long nanMismatchCount = 0,
        ElementDifference? greatestAbsolute = null,
        ElementDifference? greatestRelative = null,
        IReadOnlyList<MismatchSample>? samples = null)
    {
        Outcome = outcome;
        ActualShape = actualShape;
        ExpectedShape = expectedShape;
        ActualDType = actualDType;
        ExpectedDType = expectedDType;
        Tolerance = tolerance;
        EqualNan = equalNan;
        MismatchCount = mismatchCount;
        NanMismatchCount = nanMismatchCount;
        GreatestAbsolute = greatestAbsolute;
        GreatestRelative = greatestRelative;
        Samples = samples ?? Array.Empty<MismatchSample>();
        Report = MismatchReport.Format(this);
    }

    /// <summary>What was found.</summary>
    public ComparisonOutcome Outcome { get; }

    /// <summary>Whether the tensors are close (same shape, same dtype, every element within tolerance).</summary>
    public bool IsClose => Outcome == ComparisonOutcome.Close;

    /// <summary>Shape of the actual tensor.</summary>
    public long[] ActualShape { get; }

    /// <summary>Shape of the expected tensor.</summary>
    public long[] ExpectedShape { get; }

    /// <summary>Dtype of the actual tensor.</summary>
    public ScalarType ActualDType { get; }

    /// <summary>Dtype of the expected tensor.</summary>
    public ScalarType ExpectedDType { get; }

    /// <summary>The tolerance the elements were compared with.</summary>
    public Tolerance Tolerance { get; }

    /// <summary>Whether NaN in both tensors at the same index counted as equal.</summary>
    public bool EqualNan { get; }

    /// <summary>Number of elements compared (0 when shape or dtype differ).</summary>
    public long ElementCount => Outcome is ComparisonOutcome.Close or ComparisonOutcome.ValueMismatch ? ShapeProduct(ActualShape) : 0;

    /// <summary>Number of elements outside tolerance.</summary>
    public long MismatchCount { get; }

    /// <summary>Number of mismatched elements where the actual or expected value is NaN.</summary>
    public long NanMismatchCount { get; }

    /// <summary>The mismatched element with the greatest absolute difference, NaN excluded; null when none.</summary>
    public ElementDifference? GreatestAbsolute { get; }

    /// <summary>The mismatched element with the greatest relative difference, NaN excluded; null when none.</summary>
    public ElementDifference? GreatestRelative { get; }

    /// <summary>The first few mismatched elements in C order.</summary>
    public IReadOnlyList<MismatchSample> Samples { get; }

    /// <summary>The human-readable report: one line when close, the full mismatch description otherwise.</summary>
    public string Report { get; }

    /// <summary>The report.</summary>
    /// <returns><see cref="Report"/>.</returns>
    public override string ToString() => Report;

    internal static long ShapeProduct(long[] shape)
    {
        long product = 1;
        foreach (var dim in shape)
        {
            product *= dim;
        }

        return product;
    }
}
