// The source of Parity's inline MSBuild task (RoslynCodeTaskFactory, see Parity.targets), also compiled
// into tests/Parity.Loading.Tests. RoslynCodeTaskFactory compiles it against netstandard 2.0: hence the
// hand-written little-endian reads (no Span, no BinaryPrimitives) and File.Replace (no File.Move
// overwrite overload).
#nullable enable

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Parity.Build
{
    /// <summary>
    /// Makes TorchSharp's native library load where the system libstdc++ predates GCC 13: writes a copy
    /// of each given <c>libLibTorchSharp.so</c> whose <c>GLIBCXX_3.4.32</c> need is weak, once the need
    /// is proved unused; Parity.targets then swaps each copy in for its original item.
    /// </summary>
    /// <remarks>
    /// TorchSharp 0.107 was linked against GCC 13's libstdc++, whose <c>&lt;iostream&gt;</c> declares
    /// <c>std::ios_base_library_init()</c> (<c>.globl</c>, never called, no relocation). That one symbol
    /// records a need for <c>GLIBCXX_3.4.32</c>, and the dynamic loader refuses the whole library where
    /// libstdc++ stops at 3.4.30 (Debian 12, Ubuntu 22.04). A weak version need only tells the loader not
    /// to fail when the version is missing; symbols are still resolved by relocation, and none uses it.
    /// </remarks>
    public sealed class WeakenGlibcxxNeed : Task
    {
        /// <summary>The version GCC 13's libstdc++ introduced.</summary>
        internal const string NeededVersion = "GLIBCXX_3.4.32";

        /// <summary>The library that defines <see cref="NeededVersion"/> (the Verneed's file name).</summary>
        internal const string NeededFile = "libstdc++.so.6";

        /// <summary>Property that switches the patch off, named in every warning.</summary>
        internal const string SwitchProperty = "ParityPatchTorchSharpNative";

        /// <summary>
        /// Symbols the need may be bound to: declared by GCC 13's <c>&lt;iostream&gt;</c> only to pull in
        /// libstdc++'s stream initialisation, which older libstdc++ runs on its own.
        /// </summary>
        internal static readonly string[] UnusedSymbols = { "_ZSt21ios_base_library_initv" };

        // A refusal names the symbols; past this many, it counts the rest.
        private const int SymbolsNamed = 8;

        /// <summary>
        /// The <c>libLibTorchSharp.so</c> items of the copy-local groups, each with the SDK's
        /// <c>DestinationSubPath</c>.
        /// </summary>
        [Required]
        public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>
        /// Folder for the patched copies, each at its <c>DestinationSubPath</c>: the targets swap in the
        /// copies that exist, so a library left unpatched must leave none behind.
        /// </summary>
        [Required]
        public string OutputDirectory { get; set; } = string.Empty;

        /// <summary>
        /// Written, listing the patched copies, once every library is settled; deleted after a warning,
        /// so the next build looks again (and warns again) instead of treating the target as up to date.
        /// </summary>
        [Required]
        public string StampFile { get; set; } = string.Empty;

        /// <summary>The libstdc++ the loader will use; empty when none was found.</summary>
        public string LibStdCxx { get; set; } = string.Empty;

        /// <inheritdoc />
        public override bool Execute()
        {
            var patch = !LibStdCxxDefinesNeededVersion();
            var root = Path.GetFullPath(OutputDirectory);
            var patched = new List<string>();
            var settled = true;
            foreach (var library in Libraries)
            {
                // The copy mirrors the item's place in the output (runtimes/linux-x64/native/... in a portable
                // build), so copies for several runtime identifiers never collide.
                var destination = Path.GetFullPath(Path.Combine(root, library.GetMetadata("DestinationSubPath")));
                if (!destination.StartsWith(root, StringComparison.Ordinal) || destination.Length == root.Length)
                {
                    Log.LogError("Parity: {0} has the DestinationSubPath '{1}', which leaves {2}.", library.ItemSpec, library.GetMetadata("DestinationSubPath"), root);
                    continue;
                }

                if (patch && TryPatch(library.GetMetadata("FullPath"), destination, ref settled))
                {
                    patched.Add(destination);
                }
                else if (File.Exists(destination))
                {
                    File.Delete(destination);
                }
            }

            if (settled)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StampFile))!);
                File.WriteAllLines(StampFile, patched);
            }
            else if (File.Exists(StampFile))
            {
                File.Delete(StampFile);
            }

            return !Log.HasLoggedErrors;
        }

        // An unreadable or missing libstdc++ counts as lacking the version: a weak need is harmless when
        // the version turns out to be there, while a strong one keeps the library from loading at all.
        private bool LibStdCxxDefinesNeededVersion()
        {
            if (LibStdCxx.Length == 0)
            {
                Log.LogMessage(MessageImportance.Normal, "Parity: no system libstdc++ found; assuming it lacks {0}.", NeededVersion);
                return false;
            }

            try
            {
                if (ElfFile.Parse(File.ReadAllBytes(LibStdCxx)).DefinedVersions().Contains(NeededVersion))
                {
                    Log.LogMessage(MessageImportance.Normal, "Parity: {0} defines {1}; TorchSharp's native library loads as it is.", LibStdCxx, NeededVersion);
                    return true;
                }

                return false;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidElfException)
            {
                Log.LogMessage(MessageImportance.Normal, "Parity: cannot read the versions {0} defines ({1}); assuming it lacks {2}.", LibStdCxx, e.Message, NeededVersion);
                return false;
            }
        }

        // Writes the patched copy and returns true, or returns false (warning when the library cannot
        // be proved safe to patch, which unsettles the run).
        private bool TryPatch(string source, string destination, ref bool settled)
        {
            try
            {
                var image = File.ReadAllBytes(source);
                var report = ElfFile.Parse(image).WeakenUnusedNeed(NeededFile, NeededVersion, UnusedSymbols);
                switch (report.Outcome)
                {
                    case NeedOutcome.NoStrongNeed:
                        Log.LogMessage(MessageImportance.Normal, "Parity: {0} has no strong {1} need; left as it is.", source, NeededVersion);
                        return false;
                    case NeedOutcome.Refused:
                        settled = false;
                        Warn(
                            "Parity left {0} unpatched: its {1} need is bound to {2}, and {3}, so the need cannot be proved unused. The library will not load where libstdc++ lacks {1} ({4}). Set {5}=false to switch the patch off and silence this warning.",
                            source, NeededVersion, Named(report.BoundSymbols), report.Reason, LibStdCxx.Length == 0 ? "no system libstdc++ was found to check" : LibStdCxx + " does", SwitchProperty);
                        return false;
                }

                WriteIfDifferent(destination, image);
                Log.LogMessage(MessageImportance.Normal, "Parity: {0} -> {1}: {2} need made weak (bound only to {3}).", source, destination, NeededVersion, Named(report.BoundSymbols));
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidElfException)
            {
                settled = false;
                Warn(
                    "Parity left {0} unpatched: {1} The library will not load where libstdc++ lacks {2}. Set {3}=false to switch the patch off and silence this warning.",
                    source, e.Message, NeededVersion, SwitchProperty);
                return false;
            }
        }

        private void Warn(string message, params object[] arguments) =>
            Log.LogWarning(
                subcategory: null, warningCode: "PARITYNATIVE001", helpKeyword: null, file: null,
                lineNumber: 0, columnNumber: 0, endLineNumber: 0, endColumnNumber: 0,
                message: message, messageArgs: arguments);

        private static string Named(IReadOnlyList<string> symbols) =>
            symbols.Count <= SymbolsNamed
                ? string.Join(", ", symbols)
                : string.Join(", ", symbols.Take(SymbolsNamed)) + $" and {symbols.Count - SymbolsNamed} more";

        // Leaves an identical copy (and its timestamp, which incremental copies compare) alone. A new copy
        // is renamed into place, so a reader never sees half a file and a hard link to the old copy (an
        // output folder built with hard links) keeps the old bytes instead of changing under its user.
        private static void WriteIfDifferent(string destination, byte[] image)
        {
            if (File.Exists(destination) && File.ReadAllBytes(destination).SequenceEqual(image))
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var temporary = destination + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, image);
            if (File.Exists(destination))
            {
                File.Replace(temporary, destination, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, destination);
            }
        }
    }

    /// <summary>What <see cref="ElfFile.WeakenUnusedNeed"/> found.</summary>
    internal enum NeedOutcome
    {
        /// <summary>The library has no such need, or it is weak already: nothing to change.</summary>
        NoStrongNeed,

        /// <summary>The need was proved unused and is weak now (the image was changed).</summary>
        Weakened,

        /// <summary>A symbol bound to the version may be used at run time; the image is unchanged.</summary>
        Refused,
    }

    /// <summary>The outcome, the dynamic symbols bound to the version and, when refused, why.</summary>
    internal sealed class NeedReport
    {
        public NeedReport(NeedOutcome outcome, IReadOnlyList<string> boundSymbols, string reason)
        {
            Outcome = outcome;
            BoundSymbols = boundSymbols;
            Reason = reason;
        }

        public NeedOutcome Outcome { get; }

        public IReadOnlyList<string> BoundSymbols { get; }

        public string Reason { get; }
    }

    /// <summary>A shared library that cannot be read as the ELF64 little-endian file it claims to be.</summary>
    internal sealed class InvalidElfException : Exception
    {
        public InvalidElfException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Just enough of an ELF64 little-endian shared library, read from its section headers, to see which
    /// symbol versions it defines (<c>.gnu.version_d</c>) and needs (<c>.gnu.version_r</c>), which dynamic
    /// symbols are bound to a needed version (<c>.dynsym</c>, <c>.gnu.version</c>) and whether a dynamic
    /// relocation (<c>.rela.dyn</c>, <c>.rela.plt</c>) refers to them. Every read is checked against the
    /// section it belongs to, and every section against the file, so a damaged file raises
    /// <see cref="InvalidElfException"/> rather than reading out of bounds or looping.
    /// </summary>
    internal sealed class ElfFile
    {
        // Section types (elf.h).
        private const uint ShtRela = 4;
        private const uint ShtRel = 9;
        private const uint ShtNobits = 8;
        private const uint ShtDynsym = 11;
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const uint ShtGnuVersym = 0x6fffffff;

        // Only relocations in loaded (SHF_ALLOC) sections are applied at run time.
        private const ulong ShfAlloc = 0x2;

        // vna_flags bit that lets the loader carry on when the needed version is missing.
        private const ushort VerFlgWeak = 0x2;

        // .gnu.version entries: the top bit marks a hidden symbol, the rest is the version index.
        private const ushort VersymIndexMask = 0x7fff;

        private const int SymbolSize = 24;
        private const int VerneedSize = 16;
        private const int VernauxSize = 16;
        private const int VerdefSize = 20;
        private const int VerdauxSize = 8;

        private readonly byte[] image;
        private readonly Section[] sections;

        private ElfFile(byte[] image, Section[] sections)
        {
            this.image = image;
            this.sections = sections;
        }

        /// <summary>Reads the ELF header and section headers of <paramref name="image"/> (not copied).</summary>
        public static ElfFile Parse(byte[] image)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
            {
                throw new InvalidElfException("it is not an ELF file.");
            }

            if (image[4] != 2 || image[5] != 1)
            {
                throw new InvalidElfException("it is not a 64-bit little-endian ELF file.");
            }

            var headersOffset = U64(image, 40);
            var headerSize = U16(image, 58);
            var count = U16(image, 60);
            if (headersOffset == 0 || count == 0)
            {
                throw new InvalidElfException("it has no section headers.");
            }

            if (headerSize != 64)
            {
                throw new InvalidElfException($"its section headers are {headerSize} bytes, not 64.");
            }

            CheckRange(image, headersOffset, (ulong)count * 64, "the section header table");
            var sections = new Section[count];
            for (var i = 0; i < count; i++)
            {
                var at = (int)headersOffset + (i * 64);
                var type = U32(image, at + 4);
                // SHT_NOBITS (.bss) has no bytes in the file: it is read as empty. Every other section must lie
                // inside the file, which makes each check against a section a check against the file.
                var offset = type == ShtNobits ? 0 : U64(image, at + 24);
                var size = type == ShtNobits ? 0 : U64(image, at + 32);
                CheckRange(image, offset, size, $"section {i}");
                sections[i] = new Section(i, type, U64(image, at + 8), offset, size, U32(image, at + 40), U32(image, at + 44));
            }

            return new ElfFile(image, sections);
        }

        /// <summary>The version names a library defines (<c>.gnu.version_d</c>), e.g. GLIBCXX_3.4.30.</summary>
        public ISet<string> DefinedVersions()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var verdef = SingleOrNone(ShtGnuVerdef, ".gnu.version_d");
            if (verdef is null)
            {
                return names;
            }

            var strings = Linked(verdef.Value, ".gnu.version_d");
            var at = 0UL;
            for (var entry = 0U; entry < verdef.Value.Info; entry++)
            {
                // Verdef: vd_version, vd_flags, vd_ndx, vd_cnt (2 bytes each), vd_hash, vd_aux, vd_next (4 each).
                var offset = Within(verdef.Value, at, VerdefSize, "a Verdef entry");
                // The first Verdaux names the version itself; later ones name its parents.
                if (U16(image, offset + 6) > 0)
                {
                    var auxiliary = Within(verdef.Value, at + U32(image, offset + 12), VerdauxSize, "a Verdaux entry");
                    names.Add(StringAt(strings, U32(image, auxiliary)));
                }

                var next = U32(image, offset + 16);
                if (next == 0)
                {
                    break;
                }

                at += next;
            }

            return names;
        }

        /// <summary>
        /// Makes the need for <paramref name="version"/> of <paramref name="file"/> weak in the image when
        /// every dynamic symbol bound to it is an undefined symbol named in <paramref name="unusedSymbols"/>
        /// and no dynamic relocation refers to one of them: the loader then never looks the version up.
        /// Leaves the image unchanged otherwise, and when the need is missing or already weak.
        /// </summary>
        public NeedReport WeakenUnusedNeed(string file, string version, IEnumerable<string> unusedSymbols)
        {
            var need = FindNeed(file, version);
            if (need is null)
            {
                return new NeedReport(NeedOutcome.NoStrongNeed, Array.Empty<string>(), string.Empty);
            }

            var (flagsOffset, versionIndex) = need.Value;
            if ((U16(image, flagsOffset) & VerFlgWeak) != 0)
            {
                return new NeedReport(NeedOutcome.NoStrongNeed, Array.Empty<string>(), string.Empty);
            }

            // Indexes 0 and 1 mean local and global (unversioned); a need numbered so would bind them all.
            if (versionIndex < 2)
            {
                throw new InvalidElfException($"its {version} need has the reserved version index {versionIndex}.");
            }

            var dynsym = SingleOrNone(ShtDynsym, ".dynsym") ?? throw new InvalidElfException("it has no .dynsym section.");
            var versym = SingleOrNone(ShtGnuVersym, ".gnu.version") ?? throw new InvalidElfException("it has versioned needs but no .gnu.version section.");
            var strings = Linked(dynsym, ".dynsym");
            var symbolCount = dynsym.Size / SymbolSize;
            if (versym.Size < symbolCount * 2)
            {
                throw new InvalidElfException(".gnu.version has fewer entries than .dynsym.");
            }

            // The dynamic symbols whose .gnu.version entry selects this need.
            var bound = new Dictionary<uint, string>();
            var allowed = new HashSet<string>(unusedSymbols, StringComparer.Ordinal);
            var problems = new List<string>();
            for (var index = 0U; index < symbolCount; index++)
            {
                if ((U16(image, Within(versym, index * 2UL, 2, "a .gnu.version entry")) & VersymIndexMask) != versionIndex)
                {
                    continue;
                }

                var symbol = Within(dynsym, index * (ulong)SymbolSize, SymbolSize, "a symbol");
                var name = StringAt(strings, U32(image, symbol));
                bound[index] = name;
                if (!allowed.Contains(name))
                {
                    problems.Add($"{name} is not known to be unused");
                }
                else if (U16(image, symbol + 6) != 0)
                {
                    problems.Add($"{name} is defined here rather than imported");
                }
            }

            // A symbol is looked up (and its version checked) only when a relocation refers to it. Every
            // loaded relocation section indexes .dynsym: the loader knows no other symbol table.
            foreach (var relocations in sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && (s.Flags & ShfAlloc) != 0))
            {
                var entrySize = relocations.Type == ShtRela ? 24UL : 16UL;
                for (var at = 0UL; at + entrySize <= relocations.Size; at += entrySize)
                {
                    // r_info (after the 8-byte r_offset): symbol index in the upper 32 bits.
                    var symbolIndex = (uint)(U64(image, Within(relocations, at + 8, 8, "a relocation")) >> 32);
                    if (bound.TryGetValue(symbolIndex, out var name))
                    {
                        problems.Add($"a relocation in section {relocations.Index} refers to {name}");
                    }
                }
            }

            var boundSymbols = bound.Values.OrderBy(n => n, StringComparer.Ordinal).ToArray();
            if (problems.Count > 0)
            {
                return new NeedReport(NeedOutcome.Refused, boundSymbols, string.Join("; ", problems.Distinct()));
            }

            var flags = (ushort)(U16(image, flagsOffset) | VerFlgWeak);
            image[flagsOffset] = (byte)flags;
            image[flagsOffset + 1] = (byte)(flags >> 8);
            return new NeedReport(NeedOutcome.Weakened, boundSymbols, string.Empty);
        }

        // The file offset of the Vernaux's vna_flags and its version index (vna_other), if needed at all.
        private (int FlagsOffset, ushort VersionIndex)? FindNeed(string file, string version)
        {
            var verneed = SingleOrNone(ShtGnuVerneed, ".gnu.version_r");
            if (verneed is null)
            {
                return null;
            }

            var strings = Linked(verneed.Value, ".gnu.version_r");
            var at = 0UL;
            // sh_info holds the number of Verneed entries; counting them also ends a vn_next cycle.
            for (var entry = 0U; entry < verneed.Value.Info; entry++)
            {
                // Verneed: vn_version, vn_cnt (2 bytes each), vn_file, vn_aux, vn_next (4 each).
                var offset = Within(verneed.Value, at, VerneedSize, "a Verneed entry");
                if (StringAt(strings, U32(image, offset + 4)) == file)
                {
                    var auxiliaryAt = at + U32(image, offset + 8);
                    for (var auxiliary = 0; auxiliary < U16(image, offset + 2); auxiliary++)
                    {
                        // Vernaux: vna_hash (4), vna_flags, vna_other (2 each), vna_name, vna_next (4 each).
                        var aux = Within(verneed.Value, auxiliaryAt, VernauxSize, "a Vernaux entry");
                        if (StringAt(strings, U32(image, aux + 8)) == version)
                        {
                            return (aux + 4, U16(image, aux + 6));
                        }

                        auxiliaryAt += U32(image, aux + 12);
                    }
                }

                var next = U32(image, offset + 12);
                if (next == 0)
                {
                    break;
                }

                at += next;
            }

            return null;
        }

        private Section? SingleOrNone(uint type, string name)
        {
            var matches = sections.Where(s => s.Type == type).ToArray();
            if (matches.Length > 1)
            {
                throw new InvalidElfException($"it has {matches.Length} {name} sections.");
            }

            return matches.Length == 1 ? matches[0] : (Section?)null;
        }

        // The string table a section names in sh_link.
        private Section Linked(Section section, string name)
        {
            if (section.Link == 0 || section.Link >= sections.Length)
            {
                throw new InvalidElfException($"{name} links to no string table (sh_link {section.Link}).");
            }

            return sections[section.Link];
        }

        // A NUL-terminated string that must end inside its string table.
        private string StringAt(Section table, uint offset)
        {
            var start = Within(table, offset, 1, "a string");
            var end = Array.IndexOf(image, (byte)0, start, (int)(table.Offset + table.Size) - start);
            if (end < 0)
            {
                throw new InvalidElfException($"a string in section {table.Index} runs past its end.");
            }

            return Encoding.UTF8.GetString(image, start, end - start);
        }

        // The file offset of `length` bytes at `offset` inside `section`, or an error naming `what`.
        private static int Within(Section section, ulong offset, ulong length, string what)
        {
            if (offset > section.Size || length > section.Size - offset)
            {
                throw new InvalidElfException($"{what} lies outside section {section.Index}.");
            }

            return (int)(section.Offset + offset);
        }

        private static void CheckRange(byte[] image, ulong offset, ulong length, string what)
        {
            if (offset > (ulong)image.Length || length > (ulong)image.Length - offset)
            {
                throw new InvalidElfException($"{what} lies outside the file (truncated or damaged).");
            }
        }

        private static ushort U16(byte[] b, int at) => (ushort)(b[at] | (b[at + 1] << 8));

        private static uint U32(byte[] b, int at) => (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));

        private static ulong U64(byte[] b, int at) => U32(b, at) | ((ulong)U32(b, at + 4) << 32);

        private readonly struct Section
        {
            public Section(int index, uint type, ulong flags, ulong offset, ulong size, uint link, uint info)
            {
                Index = index;
                Type = type;
                Flags = flags;
                Offset = offset;
                Size = size;
                Link = link;
                Info = info;
            }

            public int Index { get; }

            public uint Type { get; }

            public ulong Flags { get; }

            public ulong Offset { get; }

            public ulong Size { get; }

            public uint Link { get; }

            public uint Info { get; }
        }
    }
}
