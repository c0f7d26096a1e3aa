using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// Where Parity's extra allocations come from: the corpus compiled with the SDK's build analyzers alone, then
/// with each Parity analyzer added on its own, then with all of them; bytes allocated per compilation (median of
/// a few, after one unmeasured compilation each). Allocation counts repeat from run to run, so a few
/// compilations suffice, and the load of the machine does not change them.
/// </summary>
internal static class AnalyzerAllocationReport
{
    /// <summary>The command-line argument that runs this report instead of the benchmarks.</summary>
    public const string Argument = "--analyzer-allocations";

    /// <summary>Runs the report and prints its table: <c>--analyzer-allocations [runs] [part of an analyzer's name]</c>.</summary>
    public static int RunInThisProcess(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var only = args.Length > 2 ? args[2] : string.Empty;
        var corpus = new CorpusCompilation(ModuleCorpus.Standard());
        var sdk = SdkAnalyzers.Load();
        var baseline = Measure(corpus, sdk.BuildAnalyzers, sdk, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Allocated per compilation, median of {runs}; baseline: the SDK's build analyzers, {baseline / 1e6:F1} MB"));
        Console.WriteLine();
        Console.WriteLine("| added to the SDK's build analyzers | MB allocated | over the baseline |");
        Console.WriteLine("|---|---:|---:|");
        var cases = CorpusCompilation.ParityAnalyzers.Select(a => (a.GetType().Name, ImmutableArray.Create(a)))
            .Append(("all of Parity's", CorpusCompilation.ParityAnalyzers))
            .Where(c => c.Item1.Contains(only, StringComparison.Ordinal));
        foreach (var (name, added) in cases)
        {
            var bytes = Measure(corpus, sdk.BuildAnalyzers.AddRange(added), sdk, runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes / 1e6:F1} | {(bytes - baseline) / 1e6:+0.0;-0.0} MB ({100 * (bytes / baseline - 1):+0.00;-0.00} %) |"));
        }

        return 0;
    }

    private static double Measure(CorpusCompilation corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, SdkAnalyzers sdk, int runs)
    {
        corpus.Analyze(analyzers, sdk.Configuration);
        var samples = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            corpus.Analyze(analyzers, sdk.Configuration);
            samples.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
