using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Reports;

namespace Parity.Benchmarks.Peers;

/// <summary>
/// Pairs results of a peer-backed benchmark class with its peer script, run in the same process run:
/// BenchmarkDotNet's wall-clock median beside the peer's, and thread-CPU medians of both sides
/// measured identically (<see cref="CpuTimeSampler"/>) in alternating rounds, best round kept,
/// which stay comparable when other work competes for the cores.
/// </summary>
public static class PeerComparison
{
    private const int Rounds = 2;

    /// <summary>Prints one table per peer-backed class and writes it as Markdown next to BenchmarkDotNet's reports.</summary>
    /// <returns>The process exit code: 0, or 1 when a benchmark failed to produce a result.</returns>
    public static int Report(IEnumerable<Summary> summaries)
    {
        var failed = false;
        foreach (var summary in summaries)
        {
            failed |= summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success);
            foreach (var type in summary.BenchmarksCases.Select(c => c.Descriptor.Type).Distinct())
            {
                if (type.GetCustomAttribute<PeerAttribute>() is not { } peer)
                {
                    continue;
                }

                var methods = summary.BenchmarksCases.Where(c => c.Descriptor.Type == type).Select(c => c.Descriptor.WorkloadMethod).Distinct().ToArray();
                var (cpu, run) = Alternate(type, methods, peer);
                var table = Table(summary, type, cpu, run);
                Console.WriteLine();
                Console.WriteLine(table);
                var path = Path.Combine(summary.ResultsDirectoryPath, $"{type.Name}-peer-ratios.md");
                File.WriteAllText(path, table);
                Console.WriteLine($"ratio table written to {path}");
            }
        }

        return failed ? 1 : 0;
    }

    /// <summary>Markdown table: per method, wall-clock and CPU medians of both sides and their ratios.</summary>
    public static string Table(Summary summary, Type benchmarkType, IReadOnlyDictionary<string, double> cpu, PeerRun peer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(peer);
        var p = peer.Peer;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| {benchmarkType.Name} | C# wall | {p} wall | C# / {p} wall | C# CPU | {p} CPU | C# / {p} CPU |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var report in summary.Reports.Where(r => r.BenchmarkCase.Descriptor.Type == benchmarkType))
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var wall = report.ResultStatistics?.Median;
            double? mineCpu = cpu.TryGetValue(name, out var c) ? c : null;
            peer.Results.TryGetValue(name, out var theirs);
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {name} | {Format(wall)} | {Format(theirs?.MedianNanoseconds)} | {Ratio(wall, theirs?.MedianNanoseconds)} | {Format(mineCpu)} | {Format(theirs?.CpuMedianNanoseconds)} | {Ratio(mineCpu, theirs?.CpuMedianNanoseconds)} |");
        }

        return text.ToString();
    }

    /// <summary>
    /// Measures both sides in alternating rounds and keeps each side's best round: other work on a
    /// shared machine only ever slows a round down (cache and memory-bandwidth contention reach even
    /// CPU time), and alternating gives both sides the same chances of a quiet round.
    /// </summary>
    private static (Dictionary<string, double> Cpu, PeerRun Peer) Alternate(Type type, MethodInfo[] methods, PeerAttribute peer)
    {
        Dictionary<string, double>? cpu = null;
        PeerRun? best = null;
        for (var round = 0; round < Rounds; round++)
        {
            var mine = MeasureCpu(type, methods);
            cpu = cpu is null ? mine : mine.ToDictionary(m => m.Key, m => Math.Min(m.Value, cpu.GetValueOrDefault(m.Key, double.MaxValue)));
            var theirs = PythonPeer.Run(peer.Script, peer.Arguments);
            best = best is null ? theirs : Faster(best, theirs);
        }

        return (cpu!, best!);
    }

    private static PeerRun Faster(PeerRun a, PeerRun b) => a with
    {
        Results = a.Results.Keys.Union(b.Results.Keys).ToDictionary(
            name => name,
            name => (a.Results.GetValueOrDefault(name), b.Results.GetValueOrDefault(name)) switch
            {
                ({ } x, { } y) => new PeerTiming(name, Math.Min(x.MedianNanoseconds, y.MedianNanoseconds), Math.Min(x.CpuMedianNanoseconds, y.CpuMedianNanoseconds)),
                (var x, var y) => (x ?? y)!,
            }),
    };

    private static Dictionary<string, double> MeasureCpu(Type type, IEnumerable<MethodInfo> methods)
    {
        var instance = Activator.CreateInstance(type) ?? throw new InvalidOperationException($"Cannot create {type.Name}.");
        Invoke<GlobalSetupAttribute>(type, instance);
        try
        {
            return methods.ToDictionary(
                m => m.Name,
                m => CpuTimeSampler.MedianNanoseconds(() => m.Invoke(instance, null)));
        }
        finally
        {
            Invoke<GlobalCleanupAttribute>(type, instance);
        }
    }

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }

    private static string Ratio(double? mine, double? theirs) =>
        mine is { } m && theirs is { } t ? (m / t).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Format(double? nanoseconds) => nanoseconds switch
    {
        null => "missing",
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.00} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.0} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0} ns"),
    };
}
