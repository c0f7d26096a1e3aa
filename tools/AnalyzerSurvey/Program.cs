using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parity.Tools.AnalyzerSurvey;

/// <summary>
/// <c>dotnet run --project tools/AnalyzerSurvey -c Release -- [--json] &lt;folder&gt; [&lt;folder&gt;...]</c>: compiles
/// each folder's C# sources as one library and prints its TorchSharp module classes, its compiler errors and
/// every Parity diagnostic, as text or (with <c>--json</c>) as one JSON array.
/// </summary>
internal static class Program
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // The output is read by people and scripts, not embedded in HTML: keep quotes and '+' as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Surveys the folders; returns 0, or 2 for a usage error or a missing folder.</summary>
    private static int Main(string[] args)
    {
        var json = args.Contains("--json");
        var folders = args.Where(arg => arg != "--json").ToList();
        if (folders.Count == 0 || folders.Any(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine("usage: AnalyzerSurvey [--json] <folder> [<folder>...]");
            return 2;
        }

        var reports = new List<FolderReport>();
        try
        {
            foreach (var folder in folders)
            {
                var report = FolderSurvey.Run(folder);
                reports.Add(report);
                if (!json)
                {
                    WriteText(report);
                }
            }
        }
        catch (DirectoryNotFoundException missing)
        {
            Console.Error.WriteLine(missing.Message);
            return 2;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(reports, Json));
        }

        return 0;
    }

    private static void WriteText(FolderReport report)
    {
        Console.WriteLine($"== {report.Folder}");
        var common = string.Join(", ", report.CommonErrors.Select(e => $"{e.Id} x{e.Count}"));
        Console.WriteLine($"   {report.SourceFiles} files, {report.ModuleClasses} TorchSharp module classes, {report.CompilerErrors} compiler errors{(common.Length == 0 ? "" : $" ({common})")}; other TorchSharp versions and missing packages are expected");
        var perRule = report.Findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"   {report.Findings.Count} Parity diagnostics{(report.Findings.Count == 0 ? "" : ": " + string.Join(", ", perRule))}");
        foreach (var finding in report.Findings)
        {
            Console.WriteLine($"   {finding.File}:{finding.Line}: {finding.Id}: {finding.Message}");
        }
    }
}
