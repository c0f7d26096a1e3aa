using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// Per-rule times: the time Roslyn accounts to each Parity analyzer's own callbacks, as a share of the
/// same compilation's time (median of several runs). The shared cost of building operation trees is
/// the host's and is not in these figures; <see cref="AnalyzerOverheadBenchmarks"/> measures it.
/// </summary>
internal static class AnalyzerTimeReport
{
    /// <summary>The command-line argument that runs this report, next to the SDK's build analyzers, instead of the benchmarks.</summary>
    public const string Argument = "--analyzer-times";

    /// <summary>Runs the report next to the SDK's build analyzers and prints its table: <c>--analyzer-times [runs]</c>.</summary>
    public static int RunInThisProcess(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var corpus = new CorpusCompilation(ModuleCorpus.Standard());
        var sdk = SdkAnalyzers.Load();
        Console.WriteLine(Measure(corpus, runs, sdk.BuildAnalyzers, sdk.Configuration));
        return 0;
    }

    /// <summary>
    /// Times <paramref name="runs"/> compilations with Parity's analyzers, next to <paramref name="alongside"/>
    /// (the SDK's, say) in <paramref name="configuration"/> when given, and tabulates Parity's rows.
    /// </summary>
    public static string Measure(CorpusCompilation corpus, int runs, ImmutableArray<DiagnosticAnalyzer> alongside = default, AnalyzerConfiguration? configuration = null)
    {
        var analyzers = CorpusCompilation.ParityAnalyzers;
        var compiled = alongside.IsDefault ? analyzers : alongside.AddRange(analyzers);
        var samples = Enumerable.Range(0, runs).Select(_ => corpus.Time(compiled, configuration)).ToList();
        var compilation = Median(samples.Select(sample => sample.Compilation));

        var table = new StringBuilder();
        var setting = alongside.IsDefault ? "Parity's analyzers alone" : $"next to {alongside.Length} other analyzers";
        table.AppendLine(CultureInfo.InvariantCulture, $"Per-analyzer execution time, {setting}, median of {runs} compilations (compilation {compilation.TotalMilliseconds:F0} ms):");
        table.AppendLine();
        table.AppendLine("| analyzer | rules | time | % of compilation |");
        table.AppendLine("|---|---|---:|---:|");
        foreach (var analyzer in analyzers)
        {
            var time = Median(samples.Select(sample => sample.Analyzers[analyzer]));
            table.AppendLine(CultureInfo.InvariantCulture, $"| {analyzer.GetType().Name} | {Rules(analyzer)} | {time.TotalMilliseconds:F1} ms | {100 * time / compilation:F2} % |");
        }

        var total = Median(samples.Select(sample => TimeSpan.FromTicks(analyzers.Sum(analyzer => sample.Analyzers[analyzer].Ticks))));
        table.AppendLine(CultureInfo.InvariantCulture, $"| all of Parity's | | {total.TotalMilliseconds:F1} ms | {100 * total / compilation:F2} % |");
        return table.ToString();
    }

    private static string Rules(DiagnosticAnalyzer analyzer) =>
        string.Join(", ", analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id).Distinct().Order(StringComparer.Ordinal));

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
