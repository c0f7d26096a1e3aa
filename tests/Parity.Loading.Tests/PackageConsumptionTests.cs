using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Parity.Build;
using Parity.Loading.Tests.Infrastructure;

namespace Parity.Loading.Tests;

/// <summary>
/// The Parity package as a customer gets it: packed from the working tree into a local feed, referenced
/// by a console project outside the repository, built and published with plain commands, and run on
/// real tensors. One build, one publish and one build with the patch switched off serve every test.
/// </summary>
[Category("Integration")]
public sealed class PackageConsumptionTests
{
    // conv2d of [[1,2,3],[4,5,6],[7,8,9]] with [[1,2],[3,4]], no padding: 1+4+12+20, 2+6+15+24, 4+10+21+32, 5+12+24+36.
    private const string Conv2dLine = "conv2d: 37 47 67 77";

    private const string Program = """
        using System;
        using System.Linq;
        using TorchSharp;

        var input = torch.arange(1, 10, dtype: torch.ScalarType.Float32).reshape(1, 1, 3, 3);
        var kernel = torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 1, 2, 2);
        var output = torch.nn.functional.conv2d(input, kernel);
        Console.WriteLine("conv2d: " + string.Join(" ", output.data<float>().ToArray()));

        """;

    private string _directory = null!;
    private string _package = null!;
    private string _extractedPackage = null!;
    private string _consumer = null!;
    private CommandResult _build = null!;
    private CommandResult _run = null!;
    private CommandResult _publish = null!;
    private CommandResult _publishedRun = null!;
    private CommandResult _unpatchedBuild = null!;
    private CommandResult _unpatchedRun = null!;

    [OneTimeSetUp]
    public void PackBuildPublishAndRun()
    {
        _directory = Directory.CreateTempSubdirectory("parity-package-").FullName;
        // A version no earlier run used, so no NuGet cache can hand the consumer a stale package.
        var version = $"0.0.1-e2e.{Guid.NewGuid():N}";
        var feed = Path.Combine(_directory, "feed");
        _package = Path.Combine(feed, $"Parity.{version}.nupkg");
        _extractedPackage = Path.Combine(Paths.NuGetPackageRoot, "parity", version);

        // Built into an artifacts folder of its own: the working tree's obj/ and bin/ stay untouched.
        var pack = Command.Run(
            "dotnet", _directory,
            "pack", Paths.ParityProject, "-c", "Release", "-o", feed, $"-p:PackageVersion={version}",
            "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(_directory, "artifacts")}",
            "--disable-build-servers", "-tl:off", "-v:m");
        if (pack.ExitCode != 0)
        {
            Assert.Fail($"Packing runtime/Parity failed, so the package cannot be consumed:\n{pack.All}");
        }

        _consumer = Path.Combine(_directory, "Consumer");
        CreateConsumer(_consumer, feed, version);
        _build = Dotnet("build", "--disable-build-servers", "-tl:off", "-v:m");
        _run = Dotnet("bin/Debug/net10.0/Consumer.dll");
        _publish = Dotnet("publish", "--disable-build-servers", "-tl:off", "-v:m");
        _publishedRun = Dotnet("bin/Release/net10.0/publish/Consumer.dll");
        _unpatchedBuild = Dotnet("build", "-c", "Unpatched", "-p:ParityPatchTorchSharpNative=false", "--disable-build-servers", "-tl:off", "-v:m");
        _unpatchedRun = Dotnet("bin/Unpatched/net10.0/Consumer.dll");
        TestContext.Progress.WriteLine(
            $"pack {pack.Elapsed.TotalSeconds:F1} s, consumer build (with restore) {_build.Elapsed.TotalSeconds:F1} s, run {_run.Elapsed.TotalSeconds:F1} s, " +
            $"publish {_publish.Elapsed.TotalSeconds:F1} s, switched-off build {_unpatchedBuild.Elapsed.TotalSeconds:F1} s");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (_extractedPackage is not null && Directory.Exists(_extractedPackage))
        {
            Directory.Delete(_extractedPackage, recursive: true);
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void Package_ships_the_targets_and_the_task_source_under_buildTransitive_and_depends_on_TorchSharp()
    {
        using var package = ZipFile.OpenRead(_package);
        var nuspec = package.Entries.Single(entry => entry.FullName == "Parity.nuspec");
        using var nuspecStream = nuspec.Open();
        var dependencies = XDocument.Load(nuspecStream).Descendants().Where(element => element.Name.LocalName == "dependency")
            .Select(element => $"{element.Attribute("id")?.Value} {element.Attribute("version")?.Value}");

        Assert.Multiple(() =>
        {
            Assert.That(package.Entries.Select(entry => entry.FullName), Is.SupersetOf(new[] { "buildTransitive/Parity.targets", "buildTransitive/WeakenGlibcxxNeed.cs" }));
            Assert.That(dependencies, Is.SupersetOf(new[] { $"TorchSharp {Paths.TorchSharpVersion}", $"libtorch-cpu-linux-x64 {Paths.LibTorchVersion}" }));
        });
    }

    [Test]
    public void Plain_build_gets_the_patched_library_and_runs_conv2d_on_real_tensors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_build.ExitCode, Is.Zero, _build.All);
            Assert.That(_build.All, Does.Not.Contain("PARITYNATIVE001"));
            Assert.That(GlibcxxNeedFlags("bin/Debug/net10.0/runtimes/linux-x64/native/libLibTorchSharp.so"), Is.EqualTo("WEAK"));
            Assert.That(_run.ExitCode, Is.Zero, _run.All);
            Assert.That(_run.Output, Does.Contain(Conv2dLine), _run.All);
        });
    }

    [Test]
    public void Published_app_gets_the_patched_library_and_runs_conv2d_on_real_tensors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_publish.ExitCode, Is.Zero, _publish.All);
            Assert.That(GlibcxxNeedFlags("bin/Release/net10.0/publish/runtimes/linux-x64/native/libLibTorchSharp.so"), Is.EqualTo("WEAK"));
            Assert.That(_publishedRun.ExitCode, Is.Zero, _publishedRun.All);
            Assert.That(_publishedRun.Output, Does.Contain(Conv2dLine), _publishedRun.All);
        });
    }

    [Test]
    public void Switched_off_the_output_keeps_TorchSharps_library_which_fails_to_load_here()
    {
        Assume.That(ElfFile.Parse(File.ReadAllBytes(Paths.LoadedLibStdCxx)).DefinedVersions(), Does.Not.Contain(WeakenGlibcxxNeed.NeededVersion), $"{Paths.LoadedLibStdCxx} satisfies the need as it is");
        var library = Path.Combine(_consumer, "bin/Unpatched/net10.0/runtimes/linux-x64/native/libLibTorchSharp.so");

        Assert.Multiple(() =>
        {
            Assert.That(_unpatchedBuild.ExitCode, Is.Zero, _unpatchedBuild.All);
            Assert.That(File.ReadAllBytes(library), Is.EqualTo(File.ReadAllBytes(Paths.TorchSharpNative)), "byte for byte the NuGet cache's file");
            // TorchSharp's documented failure: it blames a missing libtorch package, then gives up.
            Assert.That(_unpatchedRun.ExitCode, Is.Not.Zero, _unpatchedRun.All);
            Assert.That(_unpatchedRun.All, Does.Contain("TypeInitializationException").And.Contain("Failed to load native component"));
            Assert.That(_unpatchedRun.Output, Does.Not.Contain("conv2d:"));
        });
    }

    private static void CreateConsumer(string directory, string feed, string version)
    {
        Directory.CreateDirectory(directory);
        // Empty files stop MSBuild from importing whatever build logic sits above the temp folder.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig(feed));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Parity" Version="{version}" />
              </ItemGroup>
            </Project>

            """);
    }

    // The local feed first, then the sources the repository restores from.
    private static string NuGetConfig(string feed)
    {
        var repositorySources = XDocument.Load(Paths.NuGetConfig).Descendants("packageSources").Elements("add");
        var config = new XElement(
            "configuration",
            new XElement(
                "packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "parity-local"), new XAttribute("value", feed)),
                repositorySources));
        return config + "\n";
    }

    private CommandResult Dotnet(params string[] arguments) => Command.Run("dotnet", _consumer, arguments);

    private string GlibcxxNeedFlags(string relativePath) =>
        Readelf.Needs(Path.Combine(_consumer, relativePath)).Single(need => need.Version == WeakenGlibcxxNeed.NeededVersion).Flags;
}
