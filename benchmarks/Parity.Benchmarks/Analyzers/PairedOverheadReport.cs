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
/// with the same plus Parity's, alternating, for many rounds, each compilation measured in process CPU time,
/// in bytes allocated and, where the CPU's counters can be read, in instructions and cycles (<see cref="ProcessHardwareCounters"/>);
/// the overhead is the ratio within each round (so drift in the machine's speed over the run cancels),
/// summarised by its median and by its mean with a 95 % confidence interval.
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

        using var counters = ProcessHardwareCounters.TryOpen(out var countersUnavailable);
        var baselineCosts = new List<Cost>(rounds);
        var measuredCosts = new List<Cost>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which side goes first, so neither always runs after the other's garbage.
            var first = round % 2 == 0;
            var a = first ? Time(corpus, baseline.Analyzers, configuration, counters) : default;
            var b = Time(corpus, measured.Analyzers, configuration, counters);
            if (!first)
            {
                a = Time(corpus, baseline.Analyzers, configuration, counters);
            }

            baselineCosts.Add(a);
            measuredCosts.Add(b);
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Paired overhead over {rounds} alternating rounds ({RuntimeDescription()}):");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {baseline.Name}: median {Median(baselineCosts.Select(c => c.CpuSeconds)):F3} s CPU");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {measured.Name}: median {Median(measuredCosts.Select(c => c.CpuSeconds)):F3} s CPU");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {baseline.Name}: median {Median(baselineCosts.Select(c => c.AllocatedBytes)) / 1e6:F1} MB allocated");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {measured.Name}: median {Median(measuredCosts.Select(c => c.AllocatedBytes)) / 1e6:F1} MB allocated");
        report.AppendLine(Line("process CPU time", baselineCosts, measuredCosts, c => c.CpuSeconds));
        report.AppendLine(Fastest(baselineCosts, measuredCosts));
        report.AppendLine(Line("allocated bytes", baselineCosts, measuredCosts, c => c.AllocatedBytes));
        if (counters is null)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  instructions and cycles: not measured ({countersUnavailable})");
        }
        else
        {
            report.AppendLine(Line("instructions (user mode)", baselineCosts, measuredCosts, c => c.Instructions));
            report.AppendLine(Line("cycles (user mode)", baselineCosts, measuredCosts, c => c.Cycles));
        }

        return report.ToString();
    }

    // The ratio within each round, summarised by its median and by its mean with a 95 % confidence interval.
    private static string Line(string measure, List<Cost> baseline, List<Cost> measured, Func<Cost, double> value)
    {
        var ratios = measured.Zip(baseline, (b, a) => value(b) / value(a)).ToList();
        var mean = ratios.Average();
        var deviation = Math.Sqrt(ratios.Sum(r => (r - mean) * (r - mean)) / (ratios.Count - 1));
        var halfWidth = 1.96 * deviation / Math.Sqrt(ratios.Count);
        return string.Create(CultureInfo.InvariantCulture, $"  overhead in {measure}: median {Percent(Median(ratios))}, mean {Percent(mean)} ± {100 * halfWidth:F2} % (95 % confidence)");
    }

    // Other work on a shared machine only ever adds time, so each side's fastest compilation (and its lower
    // quartile) is its least disturbed one; their ratio is a second estimate, not moved by a disturbed round.
    private static string Fastest(List<Cost> baseline, List<Cost> measured)
    {
        var a = baseline.Select(c => c.CpuSeconds).Order().ToList();
        var b = measured.Select(c => c.CpuSeconds).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"  overhead in CPU time of each side's fastest compilation: {Percent(b[0] / a[0])} ({a[0]:F3} s → {b[0]:F3} s); of each side's lower quartile: {Percent(b[b.Count / 4] / a[a.Count / 4])}");
    }

    private static Cost Time(CorpusCompilation corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfiguration? configuration, ProcessHardwareCounters? counters)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (instructions, cycles) = counters?.Read() ?? default;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Environment.CpuUsage.TotalTime;
        corpus.Analyze(analyzers, configuration);
        var cpu = (Environment.CpuUsage.TotalTime - start).TotalSeconds;
        var (instructionsAfter, cyclesAfter) = counters?.Read() ?? default;
        return new Cost(cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated, instructionsAfter - instructions, cyclesAfter - cycles);
    }

    private static string RuntimeDescription()
    {
        var tiered = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") == "0" ? "every method fully optimised on first call" : "tiered JIT";
        return $"process CPU time and CPU counters; {tiered}";
    }

    private static string Percent(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{100 * (ratio - 1):+0.00;-0.00} %");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private readonly record struct Cost(double CpuSeconds, double AllocatedBytes, double Instructions, double Cycles);
}
