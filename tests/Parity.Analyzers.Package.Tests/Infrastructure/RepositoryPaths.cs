using System.IO;

namespace Parity.Analyzers.Package.Tests.Infrastructure;

/// <summary>Absolute paths of the repository pieces the tests pack, reference or read.</summary>
internal static class RepositoryPaths
{
    private static readonly string Root = FindRoot();

    public static string PackageProject => Path.Combine(Root, "analyzers", "Parity.Analyzers.Package", "Parity.Analyzers.Package.csproj");

    public static string RuntimeProject => Path.Combine(Root, "runtime", "Parity", "Parity.csproj");

    public static string NuGetConfig => Path.Combine(Root, "nuget.config");

    public static string InRepository(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    /// <summary>Directory the test data (files copied next to this assembly) lives in.</summary>
    public static string TestData(params string[] parts) => Path.Combine(TestContext.CurrentContext.TestDirectory, Path.Combine(parts));

    // Tests run from tests/<project>/bin/<configuration>/<tfm>; the solution file marks the top.
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No Analyzers.sln above {TestContext.CurrentContext.TestDirectory}; run these tests from the repository's build output.");
    }
}
