using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Parity.Loading.Tests.Infrastructure;

/// <summary>
/// binutils' readelf, a reader independent of the one under test: what a library needs and defines,
/// and where its sections and symbols are.
/// </summary>
internal static partial class Readelf
{
    /// <summary>Every Vernaux of <c>.gnu.version_r</c>: version name, flags as readelf prints them, file offset.</summary>
    public static IReadOnlyList<VersionNeed> Needs(string library)
    {
        var lines = Run("-V", library);
        var header = Array.FindIndex(lines, line => line.StartsWith("Version needs section", StringComparison.Ordinal));
        if (header < 0)
        {
            return [];
        }

        var sectionOffset = Hex(SectionOffsetLine().Match(lines[header + 1]).Groups[1].Value);
        return lines.Skip(header + 2)
            .TakeWhile(line => !line.StartsWith("Version ", StringComparison.Ordinal))
            .Select(line => VernauxLine().Match(line))
            .Where(aux => aux.Success)
            .Select(aux => new VersionNeed(aux.Groups[2].Value, aux.Groups[3].Value, sectionOffset + Hex(aux.Groups[1].Value)))
            .ToList();
    }

    /// <summary>The version names of <c>.gnu.version_d</c>.</summary>
    public static IReadOnlyList<string> Definitions(string library) =>
        Run("-V", library).Select(line => VerdefLine().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    /// <summary>File offset and size of a section, from the section header table.</summary>
    public static SectionExtent Section(string library, string section) =>
        Run("-S", library)
            .Select(line => SectionLine().Match(line))
            .Where(m => m.Success && m.Groups[1].Value == section)
            .Select(m => new SectionExtent(Hex(m.Groups[2].Value), Hex(m.Groups[3].Value)))
            .Single();

    /// <summary>Index in <c>.dynsym</c> of the dynamic symbol named <paramref name="symbol"/>.</summary>
    public static int DynamicSymbolIndex(string library, string symbol) =>
        Run("--dyn-syms", library).Select(line => SymbolLine().Match(line)).Where(m => m.Success && m.Groups[2].Value == symbol).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Single();

    private static string[] Run(string option, string library) =>
        Command.Run("readelf", Path.GetDirectoryName(library)!, option, "-W", library).EnsureSuccess().Output.Split('\n');

    private static long Hex(string digits) => long.Parse(digits.Replace("0x", string.Empty, StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    // " Addr: 0x000000000003f8f0  Offset: 0x0003f8f0  Link: 4 (.dynstr)"
    [GeneratedRegex(@"^\s*Addr: \S+\s+Offset: (0x[0-9a-f]+)")]
    private static partial Regex SectionOffsetLine();

    // "  0x0140:   Name: GLIBCXX_3.4.32  Flags: none  Version: 18"
    [GeneratedRegex(@"^\s*(0x[0-9a-f]+):\s+Name: (\S+)\s+Flags: (.+?)\s+Version: \d+")]
    private static partial Regex VernauxLine();

    // "  0x001c: Rev: 1  Flags: none  Index: 2  Cnt: 1  Name: GLIBCXX_3.4.32"
    [GeneratedRegex(@"^\s*\S+: Rev: \d+\s+Flags: .+?\s+Index: \d+\s+Cnt: \d+\s+Name: (\S+)")]
    private static partial Regex VerdefLine();

    // "  [ 6] .gnu.version_r    VERNEED         000000000003f8f0 03f8f0 000210 00   A  4   5  8"
    [GeneratedRegex(@"^\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)\s")]
    private static partial Regex SectionLine();

    // "   482: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND _ZSt21ios_base_library_initv@GLIBCXX_3.4.32 (18)"
    [GeneratedRegex(@"^\s*(\d+): [0-9a-f]+\s+\d+\s+\S+\s+\S+\s+\S+\s+\S+\s+([^@\s]+)")]
    private static partial Regex SymbolLine();
}

/// <summary>Where a section's bytes are in the file.</summary>
internal sealed record SectionExtent(long Offset, long Size);

/// <summary>One Vernaux: the needed version, its flags ("none", "WEAK") and where it sits in the file.</summary>
internal sealed record VersionNeed(string Version, string Flags, long Offset);
