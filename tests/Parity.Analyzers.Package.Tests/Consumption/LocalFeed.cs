using System;
using System.IO;
using Parity.Analyzers.Package.Tests.Infrastructure;

namespace Parity.Analyzers.Package.Tests.Consumption;

/// <summary>
/// A folder feed holding a freshly packed Parity.Analyzers under a version no earlier run used, so
/// no NuGet cache can hand a consumer a stale build of the analyzers.
/// </summary>
internal sealed class LocalFeed
{
    private LocalFeed(string directory, string version)
    {
        Directory = directory;
        Version = version;
    }

    public string Directory { get; }

    public string Version { get; }

    public string PackagePath => Path.Combine(Directory, $"Parity.Analyzers.{Version}.nupkg");

    /// <summary>Where restore extracts this version; removed afterwards so runs do not pile up.</summary>
    public string ExtractedPackage => Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "parity.analyzers",
        Version.ToLowerInvariant());

    public static LocalFeed Pack(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var version = $"0.0.1-e2e.{Guid.NewGuid():N}";
        // The test project's build has already built the package project and the analyzers. Packing
        // without building or restoring leaves every shared obj/ and bin/ folder untouched, and
        // PackageVersion, unlike Version, only names the package.
        DotnetCommand.Run(
                directory,
                "pack", RepositoryPaths.PackageProject, "-c", "Release", "-o", directory, "--no-build", "--no-restore",
                $"-p:PackageVersion={version}", "-nodeReuse:false", "-tl:off", "-v:m")
            .EnsureSuccess();
        var feed = new LocalFeed(directory, version);
        if (!File.Exists(feed.PackagePath))
        {
            Assert.Fail($"Packing succeeded but {feed.PackagePath} is missing; the package id or output folder changed.");
        }

        return feed;
    }
}
