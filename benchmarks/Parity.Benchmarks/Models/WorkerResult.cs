using System.Linq;
using System.Text.Json;

namespace Parity.Benchmarks.Models;

/// <summary>
/// What one worker process printed (<see cref="ModelWorker"/>, benchmarks/peer/inception_resnet_v2.py
/// <c>--workload</c>, benchmarks/old-vs-new/old-worker): per timed call the wall time, the process CPU time
/// and the minor page faults; resident memory before the model was built and the process's peak.
/// </summary>
public sealed record WorkerResult(string Engine, int Threads, long[] WallNs, long[] CpuNs, long[] MinorFaults, long ResidentBeforeKib, long PeakResidentKib)
{
    public double MedianWallNs => Median(WallNs);

    /// <summary>The fastest call: other work on the machine only ever slows a call down (at two threads an op waits for both).</summary>
    public double BestWallNs => WallNs.Min();

    public double MedianCpuNs => Median(CpuNs);

    public double MedianMinorFaults => Median(MinorFaults);

    public static WorkerResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        static long[] Longs(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetInt64())];
        return new WorkerResult(
            root.GetProperty("engine").GetString() ?? "?",
            root.GetProperty("threads").GetInt32(),
            Longs(root.GetProperty("wall_ns")),
            Longs(root.GetProperty("cpu_ns")),
            Longs(root.GetProperty("minflt")),
            root.GetProperty("rss_before_kib").GetInt64(),
            root.GetProperty("peak_rss_kib").GetInt64());
    }

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public static double Median(System.Collections.Generic.IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Median(long[] values) => Median(values.Select(v => (double)v));
}
