using System;
using System.Collections.Generic;
using System.Linq;

namespace Parity.Testing;

/// <summary>What <see cref="ModuleCheck.Run"/> found about one module; sound when there are no findings.</summary>
/// <param name="ModuleName">The module's type name, for messages.</param>
/// <param name="Findings">Every problem found, in the order the checks ran.</param>
public sealed record ModuleCheckReport(string ModuleName, IReadOnlyList<ModuleCheckFinding> Findings)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsSound => Findings.Count == 0;

    /// <summary>A readable report: the verdict, then one line per finding.</summary>
    /// <returns>The report text.</returns>
    public override string ToString() =>
        IsSound
            ? $"{ModuleName}: registers everything it holds, keeps its state across calls and gives the same output twice in eval()."
            : $"{ModuleName}: {Findings.Count} problem(s)" + Environment.NewLine
              + string.Join(Environment.NewLine, Findings.Select(finding => "  " + finding));
}
