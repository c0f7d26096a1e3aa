using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Parity.Build;
using Parity.Loading.Tests.Infrastructure;

namespace Parity.Loading.Tests;

/// <summary>
/// The ELF reader and the weakening rule of the build task, on TorchSharp's library from the NuGet
/// cache and on libraries built for the purpose, checked against readelf and the dynamic loader.
/// </summary>
public sealed class ElfFileTests
{
    private string _directory = null!;
    private TestLibraries _libraries = null!;

    private delegate int ProbeFunction();

    [OneTimeSetUp]
    public void BuildLibraries()
    {
        _directory = Directory.CreateTempSubdirectory("parity-elf-").FullName;
        _libraries = TestLibraries.Build(Path.Combine(_directory, "libraries"));
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void TorchSharp_library_gets_the_weak_flag_on_its_GLIBCXX_3_4_32_need_and_no_other_change()
    {
        var original = File.ReadAllBytes(Paths.TorchSharpNative);
        var image = (byte[])original.Clone();

        var report = Weaken(image);

        var needs = Readelf.Needs(Paths.TorchSharpNative);
        var need = needs.Single(n => n.Version == WeakenGlibcxxNeed.NeededVersion);
        // vna_flags follows the 4-byte vna_hash; VER_FLG_WEAK is its bit 1.
        var flags = (int)need.Offset + 4;
        var changed = Enumerable.Range(0, image.Length).Where(i => image[i] != original[i]).ToList();
        var patched = Path.Combine(_directory, "libLibTorchSharp.so");
        File.WriteAllBytes(patched, image);

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(NeedOutcome.Weakened), report.Reason);
            Assert.That(report.BoundSymbols, Is.EqualTo(new[] { TestLibraries.ListedSymbol }));
            Assert.That(need.Flags, Is.EqualTo("none"), "the need as NuGet serves the library");
            Assert.That(changed, Is.EqualTo(new[] { flags }), "only the low byte of that Vernaux's vna_flags");
            Assert.That(image[flags], Is.EqualTo(original[flags] | 2));
            Assert.That(Readelf.Needs(patched), Is.EqualTo(needs.Select(n => n == need ? n with { Flags = "WEAK" } : n)), "readelf sees the same needs, that one weak");
        });
    }

    [Test]
    public void Patching_the_patched_copy_again_changes_nothing()
    {
        var once = File.ReadAllBytes(Paths.TorchSharpNative);
        Weaken(once);
        var twice = (byte[])once.Clone();

        var report = Weaken(twice);

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(NeedOutcome.NoStrongNeed));
            Assert.That(twice, Is.EqualTo(once));
        });
    }

    [Test]
    public void Library_without_the_need_is_left_alone()
    {
        foreach (var library in new[] { Paths.LibTorchC10, _libraries.LibStdCxx })
        {
            var original = File.ReadAllBytes(library);
            var image = (byte[])original.Clone();

            var report = Weaken(image);

            Assert.Multiple(() =>
            {
                Assert.That(report.Outcome, Is.EqualTo(NeedOutcome.NoStrongNeed), library);
                Assert.That(image, Is.EqualTo(original), library);
            });
        }
    }

    [Test]
    public void Need_bound_to_a_symbol_off_the_allow_list_is_refused_with_the_symbol_named()
    {
        var original = File.ReadAllBytes(_libraries.DeclaresUnlisted);
        var image = (byte[])original.Clone();

        var report = Weaken(image);

        Assert.Multiple(() =>
        {
            Assert.That(Readelf.Needs(_libraries.DeclaresUnlisted).Select(n => n.Version), Is.EqualTo(new[] { WeakenGlibcxxNeed.NeededVersion }));
            Assert.That(report.Outcome, Is.EqualTo(NeedOutcome.Refused));
            Assert.That(report.BoundSymbols, Is.EqualTo(new[] { TestLibraries.UnlistedSymbol, TestLibraries.ListedSymbol }));
            Assert.That(report.Reason, Is.EqualTo($"{TestLibraries.UnlistedSymbol} is not known to be unused"));
            Assert.That(image, Is.EqualTo(original));
        });
    }

    [Test]
    public void Need_whose_listed_symbol_is_called_through_a_relocation_is_refused()
    {
        var original = File.ReadAllBytes(_libraries.CallsListed);
        var image = (byte[])original.Clone();

        var report = Weaken(image);

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(NeedOutcome.Refused));
            Assert.That(report.BoundSymbols, Is.EqualTo(new[] { TestLibraries.ListedSymbol }));
            Assert.That(report.Reason, Does.Match($@"^a relocation in section \d+ refers to {TestLibraries.ListedSymbol}$"));
            Assert.That(image, Is.EqualTo(original));
        });
    }

    [Test]
    public void Need_whose_listed_symbol_is_defined_in_the_library_is_refused()
    {
        var image = File.ReadAllBytes(_libraries.DeclaresListed);
        var dynsym = Readelf.Section(_libraries.DeclaresListed, ".dynsym");
        var symbol = (int)dynsym.Offset + (24 * Readelf.DynamicSymbolIndex(_libraries.DeclaresListed, TestLibraries.ListedSymbol));
        // st_shndx (2 bytes at +6): section 1 instead of SHN_UNDEF.
        image[symbol + 6] = 1;

        var report = Weaken(image);

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(NeedOutcome.Refused));
            Assert.That(report.Reason, Is.EqualTo($"{TestLibraries.ListedSymbol} is defined here rather than imported"));
        });
    }

    [Test]
    public void Library_like_TorchSharps_fails_to_load_with_this_libstdcxx_and_loads_once_patched()
    {
        Assume.That(ElfFile.Parse(File.ReadAllBytes(Paths.LoadedLibStdCxx)).DefinedVersions(), Does.Not.Contain(WeakenGlibcxxNeed.NeededVersion), $"{Paths.LoadedLibStdCxx} satisfies the need as it is");
        var image = File.ReadAllBytes(_libraries.DeclaresListed);
        var report = Weaken(image);
        var patched = Path.Combine(_directory, "libdeclares-listed-patched.so");
        File.WriteAllBytes(patched, image);

        var refusal = Assert.Throws<DllNotFoundException>(() => NativeLibrary.Load(_libraries.DeclaresListed));
        var handle = NativeLibrary.Load(patched);
        int answer;
        try
        {
            answer = Marshal.GetDelegateForFunctionPointer<ProbeFunction>(NativeLibrary.GetExport(handle, TestLibraries.Probe))();
        }
        finally
        {
            NativeLibrary.Free(handle);
        }

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(NeedOutcome.Weakened));
            Assert.That(refusal!.Message, Does.Contain($"version `{WeakenGlibcxxNeed.NeededVersion}' not found"));
            Assert.That(answer, Is.EqualTo(42));
        });
    }

    [Test]
    public void Defined_versions_are_those_readelf_lists()
    {
        foreach (var library in new[] { Paths.LoadedLibStdCxx, _libraries.LibStdCxx })
        {
            Assert.That(ElfFile.Parse(File.ReadAllBytes(library)).DefinedVersions(), Is.EquivalentTo(Readelf.Definitions(library)), library);
        }

        Assert.That(ElfFile.Parse(File.ReadAllBytes(_libraries.LibStdCxx)).DefinedVersions(), Does.Contain(WeakenGlibcxxNeed.NeededVersion));
    }

    [Test]
    public void Truncated_or_corrupted_files_raise_InvalidElfException_and_nothing_else()
    {
        var failures = new List<string>();
        var random = new Random(1202);

        // A small library: every truncation, and random damage anywhere.
        var small = File.ReadAllBytes(_libraries.DeclaresUnlisted);
        for (var length = 0; length < small.Length; length++)
        {
            Examine(small[..length], $"its first {length} bytes", failures);
        }

        for (var trial = 0; trial < 3000; trial++)
        {
            Examine(Damaged(small, 0, small.Length, random), $"damage {trial}", failures);
        }

        // TorchSharp's library: truncated around its section header table, damaged where the reader looks.
        var large = File.ReadAllBytes(Paths.TorchSharpNative);
        var headers = (int)BitConverter.ToInt64(large, 40);
        foreach (var length in new[] { 63, 64, headers - 1, headers + 1000, large.Length - 1 })
        {
            Examine(large[..length], $"TorchSharp's first {length} bytes", failures);
        }

        foreach (var section in new[] { ".gnu.version_r", ".gnu.version", ".dynsym", ".rela.plt" })
        {
            var extent = Readelf.Section(Paths.TorchSharpNative, section);
            for (var trial = 0; trial < 50; trial++)
            {
                Examine(Damaged(large, (int)extent.Offset, (int)Math.Min(extent.Size, 4096), random), $"TorchSharp, {section} damage {trial}", failures);
                Examine(Damaged(large, headers, large.Length - headers, random), $"TorchSharp, section header damage {trial}", failures);
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private static NeedReport Weaken(byte[] image) =>
        ElfFile.Parse(image).WeakenUnusedNeed(WeakenGlibcxxNeed.NeededFile, WeakenGlibcxxNeed.NeededVersion, WeakenGlibcxxNeed.UnusedSymbols);

    // One to four random bytes overwritten in [start, start + length).
    private static byte[] Damaged(byte[] intact, int start, int length, Random random)
    {
        var copy = (byte[])intact.Clone();
        for (var count = random.Next(1, 5); count > 0; count--)
        {
            copy[start + random.Next(length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static void Examine(byte[] image, string what, List<string> failures)
    {
        try
        {
            var elf = ElfFile.Parse(image);
            elf.DefinedVersions();
            elf.WeakenUnusedNeed(WeakenGlibcxxNeed.NeededFile, WeakenGlibcxxNeed.NeededVersion, WeakenGlibcxxNeed.UnusedSymbols);
        }
        catch (InvalidElfException)
        {
            // The one way a damaged file may be reported.
        }
        catch (Exception e)
        {
            failures.Add($"{what}: {e.GetType().Name}: {e.Message}");
        }
    }
}
