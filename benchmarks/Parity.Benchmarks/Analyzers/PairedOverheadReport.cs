using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// The overhead figure the target is judged on: the corpus compiled with a baseline set of analyzers and
/// with the same plus Parity's, alternating, for many rounds, each compilation timed in process CPU time; the
/// overhead is the ratio within each round (so drift in the machine's speed over the run cancels), summarised
/// by its median and by its mean with a 95 % confidence interval.
/// </summary>
/// <remarks>
/// BenchmarkDotNet measures one case after the other; on a shared two-core machine the speed drifts by more
/// than the 2 % being judged between the start and the end of a case, which pairing within rounds removes.
/// </remarks>
internal static class PairedOverheadReport
{
    /// <summary>Times <paramref name="baseline"/> against <paramref name="measured"/> and returns the report.</summary>
    public static string Measure(
        CorpusCompilation corpus,
        (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers) baseline,
        (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers) measured,
        int rounds,
        AnalyzerConfiguration? configuration = null)
    {
        // One unmeasured round each, so neither side pays for the JIT.
        corpus.Analyze(baseline.Analyzers, configuration);
        corpus.Analyze(measured.Analyzers, configuration);

        var ratios = new List<double>(rounds);
        var baselineSeconds = new List<double>(rounds);
        var measuredSeconds = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which side goes first, so neither always runs after the other's garbage.
            var first = round % 2 == 0;
            var a = first ? Time(corpus, baseline.Analyzers, configuration) : 0;
            var b = Time(corpus, measured.Analyzers, configuration);
            if (!first)
            {
                a = Time(corpus, baseline.Analyzers, configuration);
            }

            baselineSeconds.Add(a);
            measuredSeconds.Add(b);
            ratios.Add(b / a);
        }

        var mean = ratios.Average();
        var deviation = Math.Sqrt(ratios.Sum(r => (r - mean) * (r - mean)) / (ratios.Count - 1));
        var halfWidth = 1.96 * deviation / Math.Sqrt(ratios.Count);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Paired overhead over {rounds} alternating rounds (process CPU time):");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {baseline.Name}: median {Median(baselineSeconds):F3} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {measured.Name}: median {Median(measuredSeconds):F3} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"  overhead: median {Percent(Median(ratios))}, mean {Percent(mean)} ± {100 * halfWidth:F1} % (95 % confidence)");
        return report.ToString();
    }

    private static double Time(CorpusCompilation corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfiguration? configuration)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var start = Environment.CpuUsage.TotalTime;
        corpus.Analyze(analyzers, configuration);
        return (Environment.CpuUsage.TotalTime - start).TotalSeconds;
    }

    private static string Percent(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{100 * (ratio - 1):+0.0;-0.0} %");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
