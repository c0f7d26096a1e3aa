using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.TorchSharp;

namespace Parity.Tools.AnalyzerSurvey;

/// <summary>
/// Compiles every <c>.cs</c> file of a folder as one library against the .NET 10 reference assemblies and the
/// real TorchSharp assembly, and runs every Parity analyzer on it.
/// </summary>
internal static class FolderSurvey
{
    // Most surveyed projects turn on the SDK's implicit usings; without them nearly every file fails to bind.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        allowUnsafe: true);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
    ];

    /// <summary>Every analyzer the Parity.Analyzers assembly exports.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        .. typeof(TorchSharpRegistrationAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ];

    /// <summary>Surveys <paramref name="folder"/>; build outputs (<c>obj</c>, <c>bin</c>) are skipped.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static FolderReport Run(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Folder to survey '{folder}' does not exist; pass a folder that holds C# sources.");
        }

        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(root, path)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var trees = files
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "ImplicitUsings.g.cs"));
        var compilation = CSharpCompilation.Create("Surveyed", trees, References, CompilationOptions);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var commonErrors = errors
            .GroupBy(d => d.Id)
            .Select(g => new ErrorCount(g.Key, g.Count()))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(3)
            .ToList();
        var diagnostics = compilation
            .WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var findings = diagnostics
            .Select(d => ToFinding(d, root))
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        return new FolderReport(folder, files.Count, CountModuleClasses(compilation), errors.Count, commonErrors, findings);
    }

    private static bool IsBuildOutput(string relativePath)
        => relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin");

    private static Finding ToFinding(Diagnostic diagnostic, string root)
    {
        var span = diagnostic.Location.GetLineSpan();
        var file = span.Path.Length == 0 ? "(no file)" : Path.GetRelativePath(root, span.Path);
        return new Finding(diagnostic.Id, file, span.StartLinePosition.Line + 1, diagnostic.GetMessage());
    }

    /// <summary>Classes declared in the folder that derive from TorchSharp's <c>torch.nn.Module</c>; a partial class counts once.</summary>
    private static int CountModuleClasses(CSharpCompilation compilation)
    {
        var moduleBase = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+Module");
        var modules = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is { } type && DerivesFrom(type.BaseType, moduleBase))
                {
                    modules.Add(type);
                }
            }
        }

        return modules.Count;
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
