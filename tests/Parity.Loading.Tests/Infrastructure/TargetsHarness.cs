using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Parity.Loading.Tests.Infrastructure;

/// <summary>
/// A project outside the repository that references the real TorchSharp packages and imports
/// Parity.targets from the working tree. Each run resolves the package assets (which runs the targets)
/// into its own intermediate folder and reports the copy-local items MSBuild ends up with.
/// </summary>
internal sealed class TargetsHarness
{
    private TargetsHarness(string directory) => Directory = directory;

    public string Directory { get; }

    private string ProjectFile => Path.Combine(Directory, "Harness.csproj");

    public static TargetsHarness Create(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        // Empty files stop MSBuild from importing whatever build logic sits above the temp folder.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.Copy(Paths.NuGetConfig, Path.Combine(directory, "nuget.config"));
        File.WriteAllText(Path.Combine(directory, "Harness.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <!-- Restores the linux-x64 assets as well, for runs with RuntimeIdentifier=linux-x64. -->
                <RuntimeIdentifiers>linux-x64</RuntimeIdentifiers>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TorchSharp" Version="{Paths.TorchSharpVersion}" />
                <PackageReference Include="libtorch-cpu-linux-x64" Version="{Paths.LibTorchVersion}" />
              </ItemGroup>
              <!-- Puts a test library in place of TorchSharp's, with the same metadata. Declared before the
                   import, so it runs before Parity's targets, which also follow ResolvePackageAssets. -->
              <Target Name="UseTestLibrary" AfterTargets="ResolvePackageAssets" Condition="'$(TestLibrary)' != ''">
                <ItemGroup>
                  <_TorchSharpNative Include="@(RuntimeTargetsCopyLocalItems)" Condition="'%(Filename)%(Extension)' == 'libLibTorchSharp.so'" />
                  <RuntimeTargetsCopyLocalItems Remove="@(_TorchSharpNative)" />
                  <RuntimeTargetsCopyLocalItems Include="@(_TorchSharpNative->'$(TestLibrary)')" />
                </ItemGroup>
              </Target>
              <Import Project="{Paths.ParityTargets}" />
            </Project>

            """);
        Command.Run("dotnet", directory, "restore", "Harness.csproj", "-nodeReuse:false", "-tl:off", "-v:q").EnsureSuccess();
        return new TargetsHarness(directory);
    }

    /// <summary>The folder Parity's targets write into for the run named <paramref name="name"/>.</summary>
    public string PatchDirectory(string name) => Path.Combine(Directory, "obj", name, "parity-native");

    /// <summary>Resolves the assets into obj/<paramref name="name"/>/ with the given properties (Name=Value).</summary>
    public Resolution Resolve(string name, params string[] properties)
    {
        var arguments = new List<string>
        {
            "msbuild", ProjectFile, "-t:ResolvePackageAssets", "-nodeReuse:false",
            "-getItem:RuntimeTargetsCopyLocalItems", "-getItem:NativeCopyLocalItems",
            $"-p:IntermediateOutputPath=obj/{name}/",
        };
        arguments.AddRange(properties.Select(property => "-p:" + property));
        var result = Command.Run("dotnet", Directory, [.. arguments]);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"`{result.CommandLine}` exited with {result.ExitCode}:\n{result.All}");
        }

        // -getItem prints the items as JSON on standard output; the build's messages go to standard error.
        var items = JsonDocument.Parse(result.Output).RootElement.GetProperty("Items");
        return new Resolution(result, Items(items, "RuntimeTargetsCopyLocalItems"), Items(items, "NativeCopyLocalItems"));
    }

    private static IReadOnlyList<ResolvedItem> Items(JsonElement items, string group) =>
        items.TryGetProperty(group, out var list)
            ? list.EnumerateArray().Select(item => new ResolvedItem(group, item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty))).ToList()
            : [];
}

/// <summary>One run: what MSBuild printed and the two copy-local groups afterwards.</summary>
internal sealed record Resolution(CommandResult Result, IReadOnlyList<ResolvedItem> RuntimeTargets, IReadOnlyList<ResolvedItem> Native)
{
    /// <summary>The one libLibTorchSharp.so item of either group.</summary>
    public ResolvedItem TorchSharpNative => RuntimeTargets.Concat(Native).Single(item => item.Metadata["Filename"] + item.Metadata["Extension"] == "libLibTorchSharp.so");

    /// <summary>The build's PARITYNATIVE001 warnings.</summary>
    public IReadOnlyList<string> Warnings => Result.Lines.Where(line => line.Contains("warning PARITYNATIVE001", System.StringComparison.Ordinal)).ToList();
}

/// <summary>A copy-local item: its group and every metadata MSBuild reports, Identity included.</summary>
internal sealed record ResolvedItem(string Group, IReadOnlyDictionary<string, string> Metadata)
{
    // Derived from the item's path or from where it was defined; everything else is the item's own.
    private static readonly HashSet<string> PathAndOrigin =
    [
        "Identity", "FullPath", "RootDir", "Filename", "Extension", "RelativeDir", "Directory", "RecursiveDir",
        "ModifiedTime", "CreatedTime", "AccessedTime",
        "DefiningProjectFullPath", "DefiningProjectDirectory", "DefiningProjectName", "DefiningProjectExtension",
    ];

    public string Identity => Metadata["Identity"];

    /// <summary>The metadata that travels with the item (DestinationSubPath, AssetType, ...), sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OwnMetadata =>
        Metadata.Where(pair => !PathAndOrigin.Contains(pair.Key)).OrderBy(pair => pair.Key, System.StringComparer.Ordinal).ToList();
}
