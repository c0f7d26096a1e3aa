using System;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// What adding Parity's analyzers adds to a real build, which already runs the .NET SDK's default
/// code-quality analyzers: the same corpus and compilation as <see cref="AnalyzerOverheadBenchmarks"/>,
/// with the SDK's analyzers in a default project's configuration (<see cref="SdkAnalyzers"/>) as the
/// baseline, against the same plus every Parity analyzer in one analysis, so that they share the per-tree
/// semantic models. Two pairs, each with its own baseline: the analyzers <c>dotnet build</c> runs (the
/// command-line compiler skips those whose rules are all hidden or suggestions), and every analyzer with a
/// rule on by default at any severity (what a build that writes an error log, or an IDE, runs). The ratio
/// column is Parity's marginal cost, as the cases are measured one after the other; the paired, alternating
/// measurement after the last case (<see cref="PairedOverheadReport"/>) is the one to judge it on. Times are
/// CPU time (see <see cref="ProcessCpuClock"/>).
/// </summary>
[ProcessCpuClock]
[IterationCount(10)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SdkAnalyzerOverheadBenchmarks
{
    private const string Build = "dotnet build";
    private const string AllSeverities = "default-on, any severity";

    private CorpusCompilation corpus = null!;
    private SdkAnalyzers sdk = null!;
    private ImmutableArray<DiagnosticAnalyzer> buildAndParity;
    private ImmutableArray<DiagnosticAnalyzer> allAndParity;

    [GlobalSetup]
    public void Setup()
    {
        corpus = new CorpusCompilation(ModuleCorpus.Standard());
        sdk = SdkAnalyzers.Load();
        buildAndParity = sdk.BuildAnalyzers.AddRange(CorpusCompilation.ParityAnalyzers);
        allAndParity = sdk.Analyzers.AddRange(CorpusCompilation.ParityAnalyzers);
        CorpusCheck.EnsureMeaningful(corpus);

        // Shows what each baseline really ran: a configuration that silenced every SDK rule would measure nothing.
        var rules = sdk.Analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).DistinctBy(rule => rule.Id).ToList();
        var onInBuild = rules.Count(rule => SdkAnalyzers.ReportedInBuild(rule, sdk.Configuration));
        var onAtAll = rules.Count(rule => sdk.Configuration.Severities.GetValueOrDefault(rule.Id, ReportDiagnostic.Default) switch
        {
            ReportDiagnostic.Suppress => false,
            ReportDiagnostic.Default => rule.IsEnabledByDefault,
            _ => true,
        });
        Console.WriteLine($"// SDK analyzers from {sdk.SdkDirectory}, config {sdk.ConfigFile} ({sdk.Configuration.Severities.Count} severities set)");
        Console.WriteLine($"// {Build}: {sdk.BuildAnalyzers.Length} analyzers, {onInBuild} rules at warning or error; reported: {Reported(buildAndParity, warningsOnly: true)}");
        Console.WriteLine($"// {AllSeverities}: {sdk.Analyzers.Length} analyzers, {onAtAll} rules on; reported: {Reported(allAndParity, warningsOnly: false)}");
    }

    [BenchmarkCategory(Build)]
    [Benchmark(Baseline = true, Description = "compile, SDK analyzers as dotnet build runs them")]
    public int SdkBuildAnalyzers() => corpus.Analyze(sdk.BuildAnalyzers, sdk.Configuration).Length;

    [BenchmarkCategory(Build)]
    [Benchmark(Description = "compile, SDK analyzers as dotnet build runs them + Parity analyzers")]
    public int SdkBuildAndParityAnalyzers() => corpus.Analyze(buildAndParity, sdk.Configuration).Length;

    [BenchmarkCategory(AllSeverities)]
    [Benchmark(Baseline = true, Description = "compile, every default-on SDK analyzer")]
    public int SdkAllAnalyzers() => corpus.Analyze(sdk.Analyzers, sdk.Configuration).Length;

    [BenchmarkCategory(AllSeverities)]
    [Benchmark(Description = "compile, every default-on SDK analyzer + Parity analyzers")]
    public int SdkAllAndParityAnalyzers() => corpus.Analyze(allAndParity, sdk.Configuration).Length;

    // Once, after the last case: the paired, alternating measurement Parity's marginal cost is judged on (also on
    // a steady runtime, where CPU time is not moved by background compilation and collection), then each Parity
    // analyzer's own time next to the SDK's build analyzers.
    [GlobalCleanup(Target = nameof(SdkAllAndParityAnalyzers))]
    public void ReportPairedOverhead()
    {
        Console.WriteLine(PairedOverheadReport.Measure(corpus, ($"SDK analyzers ({Build})", sdk.BuildAnalyzers), ("+ Parity analyzers", buildAndParity), rounds: 16, sdk.Configuration));
        Console.WriteLine("The same pair on a steady runtime (child process, no tiered JIT, collections on the allocating thread):");
        Console.WriteLine(SteadyRuntimeReport.Measure(rounds: 16, overSdk: true));
        Console.WriteLine(PairedOverheadReport.Measure(corpus, ($"SDK analyzers ({AllSeverities})", sdk.Analyzers), ("+ Parity analyzers", allAndParity), rounds: 16, sdk.Configuration));
        Console.WriteLine(AnalyzerTimeReport.Measure(corpus, runs: 5, sdk.BuildAnalyzers, sdk.Configuration));
    }

    // Which rules fire on the corpus next to Parity's; refuses a run in which Parity's reported nothing.
    private string Reported(ImmutableArray<DiagnosticAnalyzer> analyzers, bool warningsOnly)
    {
        var ids = corpus.Analyze(analyzers, sdk.Configuration)
            .Where(d => !warningsOnly || d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Id)
            .Where(id => id.StartsWith("CA", StringComparison.Ordinal) || id.StartsWith("PAR", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!ids.Any(id => id.StartsWith("PAR", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("Parity's analyzers reported nothing next to the SDK's; the benchmark would not exercise them.");
        }

        return string.Join(", ", ids);
    }
}
