using System.IO;
using System.Linq;
using System.Xml.Linq;
using Parity.Analyzers.Package.Tests.Infrastructure;

namespace Parity.Analyzers.Package.Tests.Consumption;

/// <summary>
/// A fresh project outside the repository that uses Parity the way a customer does: the runtime by
/// reference, the analyzers as a package restored from a local feed, its own nuget.config and
/// .editorconfig, and source files that say which lines must be reported.
/// </summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, "Consumer.csproj");

    public static ConsumerProject Create(string directory, LocalFeed feed)
    {
        System.IO.Directory.CreateDirectory(directory);
        CopyFiles(RepositoryPaths.TestData("Consumption", "Consumer"), directory);

        // Empty files stop MSBuild from importing whatever build logic sits above the temp folder.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig(feed));
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Parity.Analyzers" Version="{feed.Version}" PrivateAssets="all" />
                <ProjectReference Include="{RepositoryPaths.RuntimeProject}" />
              </ItemGroup>
            </Project>

            """);
        return new ConsumerProject(directory);
    }

    /// <summary>Adds the files under <paramref name="source"/> to the project (a glob picks them up).</summary>
    public void Add(string source) => CopyFiles(source, Directory);

    /// <summary>Marks a source file changed so the next build compiles (and reports) again.</summary>
    public void Touch(string fileName) => File.SetLastWriteTimeUtc(Path.Combine(Directory, fileName), System.DateTime.UtcNow);

    public CommandResult Build(params string[] extraArguments) =>
        DotnetCommand.Run(
            Directory,
            new[] { "build", ProjectFile, "-c", "Release", "-nodeReuse:false", "-tl:off", "-v:m" }.Concat(extraArguments).ToArray());

    // The local feed first, then the sources the repository itself restores from.
    private static string NuGetConfig(LocalFeed feed)
    {
        var repositorySources = XDocument.Load(RepositoryPaths.NuGetConfig)
            .Descendants("packageSources")
            .Elements("add");
        var config = new XElement(
            "configuration",
            new XElement(
                "packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "parity-local"), new XAttribute("value", feed.Directory)),
                repositorySources));
        return config.ToString() + "\n";
    }

    private static void CopyFiles(string source, string destination)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }
    }
}
