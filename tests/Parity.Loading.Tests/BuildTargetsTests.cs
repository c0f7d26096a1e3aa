using System;
using System.IO;
using System.Linq;
using Parity.Build;
using Parity.Loading.Tests.Infrastructure;

namespace Parity.Loading.Tests;

/// <summary>
/// Parity.targets in a project that resolves the real TorchSharp packages: which file each copy-local
/// group ends up with, what the build says, and what it leaves under obj/.
/// </summary>
[Category("Integration")]
public sealed class BuildTargetsTests
{
    private string _directory = null!;
    private TargetsHarness _harness = null!;
    private TestLibraries _libraries = null!;

    [OneTimeSetUp]
    public void CreateHarness()
    {
        _directory = Directory.CreateTempSubdirectory("parity-targets-").FullName;
        _harness = TargetsHarness.Create(Path.Combine(_directory, "harness"));
        _libraries = TestLibraries.Build(Path.Combine(_directory, "libraries"));
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Portable_build_swaps_in_a_patched_copy_under_obj_that_keeps_every_metadata()
    {
        var original = _harness.Resolve("original", "ParityPatchTorchSharpNative=false");
        var patched = _harness.Resolve("portable");

        var copy = Path.Combine(_harness.PatchDirectory("portable"), "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.Multiple(() =>
        {
            Assert.That(original.TorchSharpNative.Identity, Is.EqualTo(Paths.TorchSharpNative));
            Assert.That(patched.TorchSharpNative.Identity, Is.EqualTo(copy));
            Assert.That(patched.TorchSharpNative.Group, Is.EqualTo("RuntimeTargetsCopyLocalItems"));
            Assert.That(patched.TorchSharpNative.OwnMetadata, Is.EqualTo(original.TorchSharpNative.OwnMetadata));
            Assert.That(patched.TorchSharpNative.Metadata["DestinationSubPath"], Is.EqualTo("runtimes/linux-x64/native/libLibTorchSharp.so"));
            Assert.That(
                patched.RuntimeTargets.Concat(patched.Native).Select(item => item.Identity).Where(identity => identity != copy),
                Is.EquivalentTo(original.RuntimeTargets.Concat(original.Native).Select(item => item.Identity).Where(identity => identity != Paths.TorchSharpNative)),
                "every other item stays");
            Assert.That(GlibcxxNeedFlags(copy), Is.EqualTo("WEAK"));
            Assert.That(GlibcxxNeedFlags(Paths.TorchSharpNative), Is.EqualTo("none"), "the NuGet cache is never written");
            Assert.That(patched.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Runtime_specific_build_swaps_the_native_copy_local_item()
    {
        var patched = _harness.Resolve("linux-x64", "RuntimeIdentifier=linux-x64");

        var library = patched.TorchSharpNative;
        Assert.Multiple(() =>
        {
            Assert.That(library.Group, Is.EqualTo("NativeCopyLocalItems"));
            Assert.That(library.Identity, Is.EqualTo(Path.Combine(_harness.PatchDirectory("linux-x64"), "libLibTorchSharp.so")));
            Assert.That(library.Metadata["DestinationSubPath"], Is.EqualTo("libLibTorchSharp.so"));
            Assert.That(library.Metadata["PathInPackage"], Is.EqualTo("runtimes/linux-x64/native/libLibTorchSharp.so"));
            Assert.That(library.Metadata["NuGetPackageId"], Is.EqualTo("TorchSharp"));
            Assert.That(library.Metadata["AssetType"], Is.EqualTo("native"));
            Assert.That(GlibcxxNeedFlags(library.Identity), Is.EqualTo("WEAK"));
        });
    }

    [Test]
    public void Switched_off_leaves_the_library_from_the_NuGet_cache_and_writes_nothing()
    {
        var resolution = _harness.Resolve("switched-off", "ParityPatchTorchSharpNative=false");

        Assert.Multiple(() =>
        {
            Assert.That(resolution.TorchSharpNative.Identity, Is.EqualTo(Paths.TorchSharpNative));
            Assert.That(Directory.Exists(_harness.PatchDirectory("switched-off")), Is.False);
        });
    }

    [Test]
    public void Libstdcxx_that_defines_GLIBCXX_3_4_32_leaves_the_library_alone()
    {
        var resolution = _harness.Resolve("gcc13", "ParityLibStdCxxPath=" + _libraries.LibStdCxx);

        Assert.Multiple(() =>
        {
            Assert.That(resolution.TorchSharpNative.Identity, Is.EqualTo(Paths.TorchSharpNative));
            Assert.That(Directory.Exists(Path.Combine(_harness.PatchDirectory("gcc13"), "runtimes")), Is.False);
            Assert.That(resolution.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Need_that_cannot_be_proved_unused_warns_on_every_build_and_the_library_stays()
    {
        var library = TestLibraryNamedLikeTorchSharps(_libraries.DeclaresUnlisted, "unlisted");

        var first = _harness.Resolve("unlisted", "TestLibrary=" + library);
        var second = _harness.Resolve("unlisted", "TestLibrary=" + library);

        Assert.Multiple(() =>
        {
            foreach (var resolution in new[] { first, second })
            {
                Assert.That(resolution.TorchSharpNative.Identity, Is.EqualTo(library));
                Assert.That(resolution.Warnings, Has.Count.EqualTo(1), resolution.Result.All);
                Assert.That(resolution.Warnings.FirstOrDefault(), Does.Contain(library)
                    .And.Contain(TestLibraries.UnlistedSymbol)
                    .And.Contain(WeakenGlibcxxNeed.NeededVersion)
                    .And.Contain("ParityPatchTorchSharpNative=false"));
            }

            Assert.That(Directory.Exists(Path.Combine(_harness.PatchDirectory("unlisted"), "runtimes")), Is.False);
        });
    }

    [Test]
    public void Damaged_library_warns_without_failing_the_build()
    {
        var intact = File.ReadAllBytes(Paths.TorchSharpNative);
        var library = TestLibraryNamedLikeTorchSharps(null, "damaged");
        File.WriteAllBytes(library, intact[..(intact.Length / 2)]);

        var resolution = _harness.Resolve("damaged", "TestLibrary=" + library);

        Assert.Multiple(() =>
        {
            Assert.That(resolution.TorchSharpNative.Identity, Is.EqualTo(library));
            Assert.That(resolution.Warnings, Has.Count.EqualTo(1), resolution.Result.All);
            Assert.That(resolution.Warnings.FirstOrDefault(), Does.Contain(library).And.Contain("truncated or damaged").And.Contain("ParityPatchTorchSharpNative=false"));
        });
    }

    [Test]
    public void Later_builds_skip_the_task_keep_the_copy_and_notice_what_changed()
    {
        var directory = _harness.PatchDirectory("incremental");
        var copy = Path.Combine(directory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var stamp = Path.Combine(directory, "weaken.stamp");

        _harness.Resolve("incremental");
        var copyWritten = File.GetLastWriteTimeUtc(copy);
        var stampWritten = File.GetLastWriteTimeUtc(stamp);

        var unchanged = _harness.Resolve("incremental");
        var skipped = (Copy: File.GetLastWriteTimeUtc(copy), Stamp: File.GetLastWriteTimeUtc(stamp));

        File.Delete(stamp);
        _harness.Resolve("incremental");
        var rerun = (Copy: File.GetLastWriteTimeUtc(copy), Stamp: File.GetLastWriteTimeUtc(stamp));

        File.Delete(copy);
        var recreated = _harness.Resolve("incremental");
        var recreatedCopy = File.Exists(copy);

        var gcc13 = _harness.Resolve("incremental", "ParityLibStdCxxPath=" + _libraries.LibStdCxx);
        var copyAfterGcc13 = File.Exists(copy);
        var back = _harness.Resolve("incremental");

        Assert.Multiple(() =>
        {
            Assert.That(unchanged.TorchSharpNative.Identity, Is.EqualTo(copy));
            Assert.That(skipped, Is.EqualTo((copyWritten, stampWritten)), "an unchanged build runs no task and writes nothing");
            Assert.That(rerun.Stamp, Is.GreaterThan(stampWritten), "without its stamp the task runs again");
            Assert.That(rerun.Copy, Is.EqualTo(copyWritten), "an identical copy is not rewritten");
            Assert.That(recreatedCopy, Is.True, "a copy deleted by hand is written again");
            Assert.That(recreated.TorchSharpNative.Identity, Is.EqualTo(copy));
            Assert.That(gcc13.TorchSharpNative.Identity, Is.EqualTo(Paths.TorchSharpNative), "another libstdc++ is another decision");
            Assert.That(copyAfterGcc13, Is.False, "no stale copy is left to swap in");
            Assert.That(back.TorchSharpNative.Identity, Is.EqualTo(copy));
        });
    }

    // The targets pick the library by file name, so each test library gets TorchSharp's name in a folder of its own.
    private string TestLibraryNamedLikeTorchSharps(string? source, string folder)
    {
        var library = Path.Combine(_directory, folder, "libLibTorchSharp.so");
        Directory.CreateDirectory(Path.GetDirectoryName(library)!);
        if (source is not null)
        {
            File.Copy(source, library);
        }

        return library;
    }

    private static string GlibcxxNeedFlags(string library) =>
        Readelf.Needs(library).Single(need => need.Version == WeakenGlibcxxNeed.NeededVersion).Flags;
}
