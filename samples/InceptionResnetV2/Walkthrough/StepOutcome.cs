using System.Linq;
using Parity.Testing;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>What a step's body reports; the runner adds the name and the time.</summary>
/// <param name="Passed">Whether the step held.</param>
/// <param name="MaxAbsDiff">Greatest absolute difference, or null.</param>
/// <param name="MaxRelDiff">Greatest relative difference, or null.</param>
/// <param name="Detail">One line for the report.</param>
/// <param name="Endpoints">The endpoint table, if any.</param>
public sealed record StepOutcome(bool Passed, double? MaxAbsDiff, double? MaxRelDiff, string Detail, EndpointReport? Endpoints = null)
{
    /// <summary>The blind-spot report, for the blind-spot measurement.</summary>
    public BlindSpotReport? Spots { get; init; }

    /// <summary>A step that compares no numbers.</summary>
    /// <param name="passed">Whether it held.</param>
    /// <param name="detail">One line for the report.</param>
    /// <returns>The outcome.</returns>
    public static StepOutcome Check(bool passed, string detail) => new(passed, null, null, detail);

    /// <summary>A step decided by an endpoint comparison: passed when every endpoint is close.</summary>
    /// <param name="report">The comparison.</param>
    /// <param name="detail">One line for the report when every endpoint is close.</param>
    /// <returns>The outcome, with the greatest differences over all endpoints.</returns>
    public static StepOutcome From(EndpointReport report, string detail)
    {
        var absolute = report.Rows.Select(row => row.MaxAbsolute).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
        var relative = report.Rows.Select(row => row.MaxRelative).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
        var verdict = report.FirstDivergent is { } first ? $"not equivalent; first divergent endpoint: {first.Name} ({first.Verdict})" : detail;
        return new StepOutcome(report.IsClose, absolute, relative, verdict, report);
    }
}
