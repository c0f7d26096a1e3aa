using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace Parity.Benchmarks.Peers;

/// <summary>
/// Process-wide counters read the way benchmarks/peer/*.py read them, so both sides of a comparison
/// count the same things: CPU time of every thread (<c>CLOCK_PROCESS_CPUTIME_ID</c>, Python's
/// <c>time.process_time_ns</c>), minor page faults (<c>getrusage</c>, Python's <c>resource.getrusage</c>)
/// and resident memory (<c>/proc/self/status</c>).
/// </summary>
/// <remarks>
/// With several intra-op threads the process CPU time counts every thread's work, including the time
/// OpenMP workers spin at a barrier waiting for the slowest one, so it exceeds the wall time of a
/// parallel op; both stacks spin the same way (libgomp).
/// </remarks>
public static partial class ProcessCounters
{
    private const int ClockProcessCpuTime = 2;
    private const int RusageSelf = 0;

    /// <summary>CPU time of all threads of the process, in nanoseconds.</summary>
    public static long CpuNanoseconds()
    {
        if (ClockGetTime(ClockProcessCpuTime, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    /// <summary>Minor page faults of the process so far (pages mapped in without disk I/O: fresh memory, mostly).</summary>
    public static long MinorFaults()
    {
        if (GetRusage(RusageSelf, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        return usage.MinorFaults;
    }

    /// <summary>Peak resident memory of the process (VmHWM), in KiB.</summary>
    public static long PeakResidentKib() => StatusKib("VmHWM:");

    /// <summary>Resident memory of the process now (VmRSS), in KiB.</summary>
    public static long ResidentKib() => StatusKib("VmRSS:");

    private static long StatusKib(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/self/status has no {field} line.");
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResident;
        public long SharedText;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlocksIn;
        public long BlocksOut;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
