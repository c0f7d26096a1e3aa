using System;
using System.Globalization;
using System.IO;

namespace Parity.Tests.Shared;

/// <summary>
/// Reads the process's resident set size from /proc, the number the OS would kill us for. Linked into
/// every test project with a memory test (see their project files), so each reads it the same way.
/// </summary>
internal static class ResidentMemory
{
    /// <summary>The resident set size in bytes.</summary>
    public static long Bytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                return kilobytes * 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmRSS line; the memory tests need Linux.");
    }

    /// <summary>The resident set size in whole megabytes.</summary>
    public static long Megabytes() => Bytes() / (1024 * 1024);
}
