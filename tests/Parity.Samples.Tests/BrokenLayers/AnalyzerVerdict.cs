using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Samples.Tests.BrokenLayers;

/// <summary>Runs every Parity analyzer on one source file, compiled against the real runtime, and reports diagnostics by enclosing class.</summary>
internal static class AnalyzerVerdict
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(() =>
    [
        .. typeof(Parity.Analyzers.Core.AnalyzerIds).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ]);

    /// <summary>Parity diagnostic ids reported inside each top-level class of <paramref name="path"/>.</summary>
    /// <param name="path">The source file to judge.</param>
    /// <param name="supportPath">Another file compiled with it (a stub of a library it uses), or null.</param>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DiagnosticsByClass(string path, string? supportPath = null)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(await File.ReadAllTextAsync(path), options, path);
        SyntaxTree[] trees = supportPath is null ? [tree] : [tree, CSharpSyntaxTree.ParseText(await File.ReadAllTextAsync(supportPath), options, supportPath)];
        var compilation = CSharpCompilation.Create(
            "BrokenLayersFile",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)} does not compile on its own: {string.Join("; ", errors.Select(e => e.ToString()))}");
        }

        var diagnostics = await compilation.WithAnalyzers(Analyzers.Value).GetAnalyzerDiagnosticsAsync();
        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToArray();
        if (crashes.Length > 0)
        {
            throw new InvalidOperationException($"An analyzer threw on {Path.GetFileName(path)}: {crashes[0].GetMessage()}");
        }

        var root = await tree.GetRootAsync();
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var type in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Parent is not ClassDeclarationSyntax))
        {
            result[type.Identifier.Text] =
            [
                .. diagnostics.Where(d => d.Id.StartsWith("PAR", StringComparison.Ordinal) && type.Span.Contains(d.Location.SourceSpan)).Select(d => d.Id),
            ];
        }

        return result;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return
        [
            .. platform.Where(file => Path.GetFileName(file).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(file) is "netstandard.dll" or "mscorlib.dll")
                .Select(file => (MetadataReference)MetadataReference.CreateFromFile(file)),
            MetadataReference.CreateFromFile(typeof(TrackVariablesAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
        ];
    }
}
