using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// User-mode instructions retired and CPU cycles of every thread of this process, from the CPU's
/// performance counters (Linux <c>perf_event_open</c>, one counter pair per thread).
/// </summary>
/// <remarks>
/// <para>
/// Instructions retired do not depend on what else the machine runs, so two compilations that differ by
/// one analyzer set differ in instructions by that set's work, measured to a fraction of a percent in a
/// handful of rounds; CPU time on a shared virtual machine moves by several percent between runs.
/// Cycles are the time the threads spent on a core, and so do include the cost of cache misses that
/// instructions miss, but also the slowdown from whatever shares the core's caches.
/// </para>
/// <para>
/// Counters count only while their thread runs and only in user mode (the kernel's work for a page fault
/// is left out, and a process without <c>CAP_PERFMON</c> may not count it anyway). A thread started in the
/// middle of a measurement is not counted; <see cref="Read"/> picks up new threads before each
/// measurement begins. Where the kernel or the virtual machine has no counters, <see cref="TryOpen"/>
/// returns <see langword="null"/> and says why.
/// </para>
/// </remarks>
internal sealed partial class ProcessHardwareCounters : IDisposable
{
    private const int PerfTypeHardware = 0;
    private const ulong CpuCycles = 0;
    private const ulong Instructions = 1;
    private const ulong ExcludeKernel = 1UL << 5;
    private const ulong ExcludeHypervisor = 1UL << 6;
    private const ulong ReadTotalTimeEnabled = 1;
    private const ulong ReadTotalTimeRunning = 2;
    private const int PerfFlagCloseOnExec = 8;

    private readonly Dictionary<int, (int Instructions, int Cycles)> threads = new();
    private bool disposed;

    private ProcessHardwareCounters()
    {
    }

    /// <summary>Opens counters on every thread of this process, or returns <see langword="null"/> with the reason.</summary>
    public static ProcessHardwareCounters? TryOpen(out string? unavailableReason)
    {
        unavailableReason = null;
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            unavailableReason = "hardware counters are read through Linux perf_event_open on x64 or arm64";
            return null;
        }

        var counters = new ProcessHardwareCounters();
        var error = counters.OpenNewThreads();
        if (error is not null)
        {
            counters.Dispose();
            unavailableReason = error;
            return null;
        }

        return counters;
    }

    /// <summary>
    /// The totals so far over every thread counted, after adding counters for threads started since the
    /// last call (they count from now on).
    /// </summary>
    public (double Instructions, double Cycles) Read()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        OpenNewThreads();
        double instructions = 0, cycles = 0;
        foreach (var (i, c) in threads.Values)
        {
            instructions += ReadScaled(i);
            cycles += ReadScaled(c);
        }

        return (instructions, cycles);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var (i, c) in threads.Values)
        {
            _ = Close(i);
            _ = Close(c);
        }

        threads.Clear();
    }

    // Returns the reason when the very first counter cannot be opened; a thread that exits between listing
    // and opening is skipped.
    private string? OpenNewThreads()
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc/self/task"))
        {
            var tid = int.Parse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture);
            if (threads.ContainsKey(tid))
            {
                continue;
            }

            var instructions = Open(tid, Instructions);
            var cycles = instructions >= 0 ? Open(tid, CpuCycles) : -1;
            if (instructions >= 0 && cycles >= 0)
            {
                threads.Add(tid, (instructions, cycles));
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (instructions >= 0)
            {
                _ = Close(instructions);
            }

            if (threads.Count == 0 && errno != 3 /* ESRCH: the thread has exited */)
            {
                return $"perf_event_open failed ({Marshal.GetPInvokeErrorMessage(errno)}); "
                    + "the machine may have no hardware counters, or /proc/sys/kernel/perf_event_paranoid forbids them";
            }
        }

        return null;
    }

    private static unsafe int Open(int tid, ulong config)
    {
        // struct perf_event_attr in its first published size (PERF_ATTR_SIZE_VER0, 64 bytes); the kernel
        // reads the later fields as zero.
        var attr = stackalloc byte[64];
        new Span<byte>(attr, 64).Clear();
        *(uint*)attr = PerfTypeHardware;
        *(uint*)(attr + 4) = 64;
        *(ulong*)(attr + 8) = config;
        *(ulong*)(attr + 32) = ReadTotalTimeEnabled | ReadTotalTimeRunning;
        *(ulong*)(attr + 40) = ExcludeKernel | ExcludeHypervisor;
        var number = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 298 : 241;
        return (int)Syscall(number, (nint)attr, tid, -1, -1, PerfFlagCloseOnExec);
    }

    // A counter shared with other events by the kernel counts only part of the time; scale it up by the
    // share of time it ran, as perf stat does.
    private static unsafe double ReadScaled(int fd)
    {
        var values = stackalloc ulong[3];
        if (ReadCounter(fd, values, 3 * sizeof(ulong)) != 3 * sizeof(ulong))
        {
            return 0;
        }

        var (value, enabled, running) = (values[0], values[1], values[2]);
        return running == 0 || running == enabled ? value : value * ((double)enabled / running);
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, nint attr, long pid, long cpu, long groupFd, ulong flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint ReadCounter(int fd, ulong* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
