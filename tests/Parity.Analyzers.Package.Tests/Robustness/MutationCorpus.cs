using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parity.Analyzers.Package.Tests.Infrastructure;

namespace Parity.Analyzers.Package.Tests.Robustness;

/// <summary>
/// Real sources to mutate: the module files kept beside these tests, the analyzer unit tests'
/// correct-code corpus, and whatever the repository's samples hold (the code users copy first).
/// </summary>
public static class MutationCorpus
{
    public static IReadOnlyList<CorpusFile> Own { get; } = Load(RepositoryPaths.TestData("Robustness", "Corpus"));

    public static IReadOnlyList<CorpusFile> All { get; } = Own
        .Concat(Load(RepositoryPaths.InRepository("tests", "Parity.Analyzers.Tests", "Corpus")))
        .Concat(Load(RepositoryPaths.InRepository("samples")))
        .ToList();

    private static IReadOnlyList<CorpusFile> Load(string directory) =>
        !Directory.Exists(directory)
            ? new List<CorpusFile>()
            : Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Select(path => (Full: path, Relative: Path.GetRelativePath(directory, path)))
                .Where(file => !IsBuildOutput(file.Relative))
                .OrderBy(file => file.Relative, System.StringComparer.Ordinal)
                .Select(file => new CorpusFile(file.Relative, File.ReadAllText(file.Full)))
                .ToList();

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin");
}

/// <summary>One source file of the corpus.</summary>
public sealed record CorpusFile(string Path, string Text)
{
    public override string ToString() => Path;
}
