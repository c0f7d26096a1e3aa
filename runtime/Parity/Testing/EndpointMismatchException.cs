using System;

namespace Parity.Testing;

/// <summary>
/// Thrown by <see cref="EndpointComparison.AssertAllClose"/> and the gradient assertions: the
/// message is the endpoint table followed by the first divergent endpoint's full report.
/// </summary>
public sealed class EndpointMismatchException : Exception
{
    /// <summary>Creates the exception from a report that is not close.</summary>
    /// <param name="report">The report.</param>
    public EndpointMismatchException(EndpointReport report)
        : base(Describe(report ?? throw new ArgumentNullException(nameof(report))))
    {
        Report = report;
    }

    /// <summary>The report.</summary>
    public EndpointReport Report { get; }

    private static string Describe(EndpointReport report)
    {
        var first = report.FirstDivergent;
        return first?.Comparison is { } detail
            ? report.Table + Environment.NewLine + $"{first.Name}: " + detail.Report
            : report.Table;
    }
}
