using System;
using System.Globalization;
using System.IO;

namespace Parity.Benchmarks.Peers;

/// <summary>
/// CPU time of the calling thread in nanoseconds, from /proc/thread-self/schedstat (the scheduler's
/// own runtime counter). Unlike wall-clock time it does not grow while the thread waits for a core,
/// so comparisons stay meaningful on a machine shared with other work; the peer scripts read the
/// same counter. It advances at scheduler ticks (a few milliseconds), so measure long batches.
/// </summary>
public static class ThreadCpuClock
{
    private const string Path = "/proc/thread-self/schedstat";

    public static long Nanoseconds()
    {
        var text = File.ReadAllText(Path);
        var end = text.IndexOf(' ', StringComparison.Ordinal);
        return long.Parse(text.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
