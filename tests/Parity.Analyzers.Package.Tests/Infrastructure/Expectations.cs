using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Parity.Analyzers.Package.Tests.Infrastructure;

/// <summary>
/// Reads the diagnostics a source file expects from trailing comments written by hand on the line
/// that should be reported: <c>// expect warning PAR1001</c>. <c>none</c> marks a line the rule
/// would report if configuration had not switched it off there.
/// </summary>
internal static class Expectations
{
    private static readonly Regex Marker = new(@"//\s*expect (?<severity>warning|error|info|none) (?<id>PAR\d{4})\b", RegexOptions.CultureInvariant);

    public static IEnumerable<ReportedDiagnostic> InFile(string path) =>
        File.ReadLines(path)
            .Select((text, index) => (Match: Marker.Match(text), Line: index + 1))
            .Where(entry => entry.Match.Success)
            .Select(entry => new ReportedDiagnostic(
                Path.GetFileName(path),
                entry.Line,
                entry.Match.Groups["severity"].Value,
                entry.Match.Groups["id"].Value));

    public static IReadOnlyList<ReportedDiagnostic> InDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .SelectMany(InFile)
            .Order()
            .ToList();
}
