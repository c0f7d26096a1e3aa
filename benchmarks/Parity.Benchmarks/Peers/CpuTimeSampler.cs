using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Parity.Benchmarks.Peers;

/// <summary>
/// Median thread-CPU time of one call, measured exactly as benchmarks/peer/*.py measure theirs:
/// warm up (20 calls, or for slow calls as many as fill 1 s of CPU, at least two: the model peers'
/// default), then five batches that each run until the thread has used at least 0.5 s of CPU
/// (the counter advances in scheduler ticks, so long batches keep its error under 1 %).
/// </summary>
public static class CpuTimeSampler
{
    private const int WarmUpCalls = 20;
    private const int MinWarmUpCalls = 2;
    private const long WarmUpCpuNanoseconds = 1_000_000_000;
    private const int Samples = 5;
    private const long BatchCpuNanoseconds = 500_000_000;
    private const long ChunkWallNanoseconds = 10_000_000;

    public static double MedianNanoseconds(Action call)
    {
        ArgumentNullException.ThrowIfNull(call);
        // Caches, allocator pools and lazy initialization settle within a few calls; twenty
        // multi-second model calls would only lengthen the run.
        var warmUpStart = ThreadCpuClock.Nanoseconds();
        for (var i = 0; i < WarmUpCalls && (i < MinWarmUpCalls || ThreadCpuClock.Nanoseconds() - warmUpStart < WarmUpCpuNanoseconds); i++)
        {
            call();
        }

        // Check the clock every ~10 ms of calls: reading it costs a few microseconds.
        var once = Stopwatch.StartNew();
        call();
        var chunk = (int)Math.Clamp(ChunkWallNanoseconds / Math.Max(once.Elapsed.TotalNanoseconds, 1), 1, int.MaxValue);

        var perCall = new List<double>(Samples);
        for (var sample = 0; sample < Samples; sample++)
        {
            long calls = 0;
            var start = ThreadCpuClock.Nanoseconds();
            while (ThreadCpuClock.Nanoseconds() - start < BatchCpuNanoseconds)
            {
                for (var i = 0; i < chunk; i++)
                {
                    call();
                }

                calls += chunk;
            }

            perCall.Add((ThreadCpuClock.Nanoseconds() - start) / (double)calls);
        }

        perCall.Sort();
        return perCall[perCall.Count / 2];
    }
}
