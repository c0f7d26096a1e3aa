using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// The process's CPU time as BenchmarkDotNet's clock. The analyzer benchmarks compile on one thread,
/// so CPU time is the work done; wall-clock time on a machine whose two cores are shared with other
/// builds mostly measures how long the benchmark waited for a core. Process rather than thread CPU
/// time (<c>Peers/ThreadCpuClock</c>): part of what analyzers cost is garbage collection, which runs
/// partly on the runtime's background threads.
/// </summary>
internal sealed class ProcessCpuClock : IClock
{
    public static readonly ProcessCpuClock Instance = new();

    public string Title => "Process CPU time";

    public bool IsAvailable => true;

    public Frequency Frequency { get; } = new(TimeSpan.TicksPerSecond);

    public long GetTimestamp() => Environment.CpuUsage.TotalTime.Ticks;
}

/// <summary>Measures every job of the benchmark class with <see cref="ProcessCpuClock"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ProcessCpuClockAttribute : JobMutatorConfigBaseAttribute
{
    public ProcessCpuClockAttribute()
        : base(Job.Default.WithClock(ProcessCpuClock.Instance))
    {
    }
}
