using System;

namespace Parity.Checkpoints;

/// <summary>
/// Thrown by <c>NpzCheckpoint.Load</c> when names or shapes do not line up; no variable was
/// changed. Pass a name map, fix the model, or load with <c>allowPartial: true</c>.
/// </summary>
public sealed class CheckpointMismatchException : Exception
{
    /// <summary>Creates the exception from the load report.</summary>
    /// <param name="report">The report listing missing, unexpected and mismatched names.</param>
    public CheckpointMismatchException(CheckpointLoadReport report)
        : base((report ?? throw new ArgumentNullException(nameof(report))).Report +
               Environment.NewLine + "No variable was changed. Pass a name map, fix the model, or load with allowPartial: true.")
    {
        Report = report;
    }

    /// <summary>The load report.</summary>
    public CheckpointLoadReport Report { get; }
}
