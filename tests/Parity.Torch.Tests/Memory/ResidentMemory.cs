using System;
using System.IO;

namespace Parity.Torch.Tests.Memory;

/// <summary>Reads the process's resident set size from /proc, the number the OS would kill us for.</summary>
internal static class ResidentMemory
{
    public static long Megabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
                return kilobytes / 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmRSS line; the memory tests need Linux.");
    }
}
