using System;

namespace Parity.Testing;

/// <summary>One endpoint's line in an <see cref="EndpointReport"/>.</summary>
public sealed class EndpointRow
{
    internal EndpointRow(string name, long[]? shape, double maxAbsolute, double maxRelative, TensorComparison? comparison, string? problem = null)
    {
        Name = name;
        Shape = shape;
        MaxAbsolute = maxAbsolute;
        MaxRelative = maxRelative;
        Comparison = comparison;
        ProblemText = problem;
    }

    /// <summary>The endpoint's (expected) name.</summary>
    public string Name { get; }

    /// <summary>The actual tensor's shape, or null when the endpoint is missing.</summary>
    public long[]? Shape { get; }

    /// <summary>Greatest absolute difference over all elements (NaN when not comparable).</summary>
    public double MaxAbsolute { get; }

    /// <summary>Greatest relative difference over all elements (NaN when not comparable).</summary>
    public double MaxRelative { get; }

    /// <summary>The element-wise comparison, or null when the endpoint is missing or unexpected.</summary>
    public TensorComparison? Comparison { get; }

    /// <summary>Why the endpoint could not be compared (missing or unexpected), or null.</summary>
    public string? ProblemText { get; }

    /// <summary>Whether the endpoint exists on both sides and is close.</summary>
    public bool IsClose => Comparison is { IsClose: true };

    /// <summary>A short verdict for the table: <c>ok</c>, the mismatch count, or the problem.</summary>
    public string Verdict => ProblemText
        ?? Comparison!.Outcome switch
        {
            ComparisonOutcome.Close => "ok",
            ComparisonOutcome.ShapeMismatch => $"shape {ShapeFormat.Format(Comparison.ActualShape)}, expected {ShapeFormat.Format(Comparison.ExpectedShape)}",
            ComparisonOutcome.DTypeMismatch => $"dtype {DTypeNames.Of(Comparison.ActualDType)}, expected {DTypeNames.Of(Comparison.ExpectedDType)}",
            _ => $"{Comparison.MismatchCount} of {Comparison.ElementCount} elements outside tolerance",
        };

    internal static EndpointRow Problem(string name, string problem) =>
        new(name ?? throw new ArgumentNullException(nameof(name)), null, double.NaN, double.NaN, null, problem);
}
