using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Parity.Analyzers.Package.Tests.Infrastructure;

/// <summary>
/// One Parity diagnostic as a build or an IDE reports it: file name, 1-based line, severity and id.
/// Columns and messages are left out on purpose: the command line and the IDE agree on them anyway,
/// and expectations written next to the code name the line only.
/// </summary>
internal sealed record ReportedDiagnostic(string File, int Line, string Severity, string Id) : IComparable<ReportedDiagnostic>
{
    // MSBuild's canonical form: path(line,col): warning PAR1001: message [project]
    private static readonly Regex BuildLine = new(
        @"^\s*(?<path>[^(]+)\((?<line>\d+),\d+\): (?<severity>warning|error|info) (?<id>PAR\d{4}): ",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>The Parity diagnostics a build printed, each once (MSBuild repeats them in its summary).</summary>
    public static IReadOnlyList<ReportedDiagnostic> FromBuildOutput(IEnumerable<string> lines) =>
        lines.Select(line => BuildLine.Match(line))
            .Where(match => match.Success)
            .Select(match => new ReportedDiagnostic(
                Path.GetFileName(match.Groups["path"].Value.Trim()),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["severity"].Value,
                match.Groups["id"].Value))
            .Distinct()
            .Order()
            .ToList();

    public int CompareTo(ReportedDiagnostic? other) =>
        other is null ? 1
        : string.CompareOrdinal(File, other.File) is var byFile and not 0 ? byFile
        : Line.CompareTo(other.Line) is var byLine and not 0 ? byLine
        : string.CompareOrdinal(Id, other.Id) is var byId and not 0 ? byId
        : string.CompareOrdinal(Severity, other.Severity);

    public override string ToString() => $"{File}({Line}): {Severity} {Id}";
}
