using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>
/// Compares two ordered sets of named intermediate tensors (a model's endpoints) and answers
/// "where does it start to diverge": a row per endpoint with its greatest absolute and relative
/// differences, and the first endpoint outside tolerance.
/// </summary>
public static partial class EndpointComparison
{
    /// <summary>Compares endpoints by name without throwing.</summary>
    /// <param name="actual">The endpoints of the code under test.</param>
    /// <param name="expected">The reference endpoints, in the order they are computed; this order decides which divergence is first.</param>
    /// <param name="rtol">Relative tolerance; null for each endpoint dtype's default.</param>
    /// <param name="atol">Absolute tolerance; null for each endpoint dtype's default.</param>
    /// <param name="equalNan">Whether NaN at the same index on both sides counts as equal.</param>
    /// <param name="nameMap">Optional map from an actual endpoint name to the expected name it stands for.</param>
    /// <returns>The table and the first divergent endpoint.</returns>
    /// <exception cref="ArgumentException">A side repeats a name (after the name map).</exception>
    public static EndpointReport Compare(
        IEnumerable<KeyValuePair<string, Tensor>> actual,
        IEnumerable<KeyValuePair<string, Tensor>> expected,
        double? rtol = null,
        double? atol = null,
        bool equalNan = false,
        Func<string, string>? nameMap = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var map = nameMap ?? (name => name);
        var actualByName = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in actual)
        {
            if (!actualByName.TryAdd(map(name), tensor))
            {
                throw new ArgumentException($"The actual endpoints name '{map(name)}' twice; endpoint names must be unique.", nameof(actual));
            }
        }

        var rows = new List<EndpointRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, wanted) in expected)
        {
            if (!seen.Add(name))
            {
                throw new ArgumentException($"The expected endpoints name '{name}' twice; endpoint names must be unique.", nameof(expected));
            }

            rows.Add(actualByName.TryGetValue(name, out var got)
                ? Row(name, got, wanted, rtol, atol, equalNan)
                : EndpointRow.Problem(name, "missing: no actual endpoint with this name"));
        }

        rows.AddRange(actualByName.Keys.Where(name => !seen.Contains(name))
            .Select(name => EndpointRow.Problem(name, "unexpected: no expected endpoint with this name")));
        return new EndpointReport(rows);
    }

    /// <summary>Asserts that every endpoint is present on both sides and close.</summary>
    /// <param name="actual">The endpoints of the code under test.</param>
    /// <param name="expected">The reference endpoints, in the order they are computed.</param>
    /// <param name="rtol">Relative tolerance; null for each endpoint dtype's default.</param>
    /// <param name="atol">Absolute tolerance; null for each endpoint dtype's default.</param>
    /// <param name="equalNan">Whether NaN at the same index on both sides counts as equal.</param>
    /// <param name="nameMap">Optional map from an actual endpoint name to the expected name it stands for.</param>
    /// <exception cref="EndpointMismatchException">An endpoint is missing, unexpected or not close; the message is the table plus the first divergence in detail.</exception>
    public static void AssertAllClose(
        IEnumerable<KeyValuePair<string, Tensor>> actual,
        IEnumerable<KeyValuePair<string, Tensor>> expected,
        double? rtol = null,
        double? atol = null,
        bool equalNan = false,
        Func<string, string>? nameMap = null)
    {
        var report = Compare(actual, expected, rtol, atol, equalNan, nameMap);
        if (!report.IsClose)
        {
            throw new EndpointMismatchException(report);
        }
    }

    private static EndpointRow Row(string name, Tensor actual, Tensor expected, double? rtol, double? atol, bool equalNan)
    {
        var comparison = TensorAssert.Compare(actual, expected, rtol, atol, equalNan);
        if (comparison.Outcome is ComparisonOutcome.ShapeMismatch or ComparisonOutcome.DTypeMismatch)
        {
            return new EndpointRow(name, actual.shape, double.NaN, double.NaN, comparison);
        }

        var (maxAbsolute, maxRelative) = GreatestDifferences(actual, expected);
        return new EndpointRow(name, actual.shape, maxAbsolute, maxRelative, comparison);
    }

    /// <summary>Greatest |a − e| and |a − e| / |e| over all elements (0/0 counts as 0), computed natively.</summary>
    private static (double Absolute, double Relative) GreatestDifferences(Tensor actual, Tensor expected)
    {
        if (actual.numel() == 0 || actual.dtype == ScalarType.Bool)
        {
            return (0.0, 0.0);
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();

        // Floats stay in their own dtype (no widened copy of a large endpoint); integers widen so
        // the difference cannot overflow.
        var floating = DTypeNames.IsFloating(actual.dtype);
        var a = floating ? actual : actual.to_type(ScalarType.Float64);
        var e = floating ? expected : expected.to_type(ScalarType.Float64);
        var difference = (a - e).abs();
        var relative = torch.where(difference.eq(0.0), difference, difference / e.abs());
        return (difference.max().ToDouble(), relative.max().ToDouble());
    }
}
