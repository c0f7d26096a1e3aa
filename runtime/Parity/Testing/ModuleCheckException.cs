using System;

namespace Parity.Testing;

/// <summary>Thrown by <see cref="ModuleCheck.AssertSound"/> when a module is not sound; the message is the full report.</summary>
public sealed class ModuleCheckException : Exception
{
    /// <summary>Creates the exception for a report with findings.</summary>
    /// <param name="report">The report.</param>
    public ModuleCheckException(ModuleCheckReport report)
        : base((report ?? throw new ArgumentNullException(nameof(report))).ToString())
    {
        Report = report;
    }

    /// <summary>The report that failed.</summary>
    public ModuleCheckReport Report { get; }
}
