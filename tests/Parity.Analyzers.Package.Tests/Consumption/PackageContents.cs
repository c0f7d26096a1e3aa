using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace Parity.Analyzers.Package.Tests.Consumption;

/// <summary>Reads a .nupkg (a zip archive) the way NuGet lays it out.</summary>
internal static class PackageContents
{
    public static IReadOnlyList<string> EntryNames(string packagePath)
    {
        using var archive = ZipFile.OpenRead(packagePath);
        return archive.Entries.Select(entry => entry.FullName).ToList();
    }

    public static string Nuspec(string packagePath)
    {
        using var archive = ZipFile.OpenRead(packagePath);
        var nuspec = archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal) && !entry.FullName.Contains('/'));
        using var reader = new StreamReader(nuspec.Open());
        return reader.ReadToEnd();
    }
}
