using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace Parity.Loading.Tests.Infrastructure;

/// <summary>The repository, NuGet cache and system files the tests read, and the versions they expect.</summary>
internal static class Paths
{
    /// <summary>The repository this assembly was built from (its build records the path).</summary>
    public static string RepositoryRoot { get; } = BuildRecorded("RepositoryRoot");

    public static string NuGetPackageRoot { get; } = BuildRecorded("NuGetPackageRoot");

    public static string ParityProject => Path.Combine(RepositoryRoot, "runtime", "Parity", "Parity.csproj");

    public static string ParityTargets => Path.Combine(RepositoryRoot, "runtime", "Parity", "buildTransitive", "Parity.targets");

    public static string NuGetConfig => Path.Combine(RepositoryRoot, "nuget.config");

    public static string TorchSharpVersion => PackageVersion("TorchSharp");

    public static string LibTorchVersion => PackageVersion("libtorch-cpu-linux-x64");

    /// <summary>TorchSharp's native library as NuGet extracted it (read, never written).</summary>
    public static string TorchSharpNative => Path.Combine(NuGetPackageRoot, "torchsharp", TorchSharpVersion, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    /// <summary>A libtorch library of the same release, built without the GCC 13 need.</summary>
    public static string LibTorchC10 => Path.Combine(NuGetPackageRoot, "libtorch-cpu-linux-x64", LibTorchVersion, "runtimes", "linux-x64", "native", "libc10.so");

    /// <summary>The libstdc++ this process runs with, which the dynamic loader found.</summary>
    public static string LoadedLibStdCxx { get; } = File.ReadLines("/proc/self/maps")
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(fields => fields.Length >= 6 && Path.GetFileName(fields[5]).StartsWith("libstdc++.so", StringComparison.Ordinal))
        .Select(fields => fields[5])
        .First();

    /// <summary>A package's version in Directory.Packages.props, the repository's one list of versions.</summary>
    public static string PackageVersion(string id) =>
        XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(element => (string?)element.Attribute("Include") == id)
            .Attribute("Version")!.Value;

    private static string BuildRecorded(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"The build recorded no {key}.");
}
