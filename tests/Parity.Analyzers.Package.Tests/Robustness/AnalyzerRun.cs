using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Package.Tests.Infrastructure;

namespace Parity.Analyzers.Package.Tests.Robustness;

/// <summary>
/// Runs every Parity analyzer over one source file compiled against the Parity runtime and the
/// TorchSharp stand-in, and captures what the analyzers threw instead of letting the host swallow it.
/// </summary>
internal static class AnalyzerRun
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Every analyzer the Parity.Analyzers assembly exports, as a compiler host finds them.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = LoadAnalyzers();

    private static readonly CSharpCompilationOptions Options =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    // Built once and shared by every mutation. TorchSharp's stand-in is compiled to metadata, as the real
    // TorchSharp is a referenced assembly, so each compilation binds only the file under test.
    private static readonly CSharpCompilation Base = CSharpCompilation.Create("Corpus", null, References(), Options);

    /// <summary>Errors the compiler reports for <paramref name="source"/> (the analyzers are not run).</summary>
    public static IReadOnlyList<Diagnostic> CompilerErrors(string source, string path) =>
        Compile(source, path).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public static AnalysisOutcome Analyze(string source, string path) => Analyze(source, path, Analyzers);

    public static AnalysisOutcome Analyze(string source, string path, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = Compile(source, path);
        var thrown = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) =>
            {
                lock (thrown)
                {
                    thrown.Add($"{analyzer.GetType().Name}: {exception}");
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers(analyzers, options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        thrown.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return new AnalysisOutcome(diagnostics.Where(d => d.Id.StartsWith("PAR", StringComparison.Ordinal)).ToList(), thrown);
    }

    private static CSharpCompilation Compile(string source, string path) =>
        Base.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, ParseOptions, path));

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers() =>
        Assembly.Load(new AssemblyName("Parity.Analyzers")).GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    // The few framework assemblies model code touches, plus the Parity runtime the corpus is written
    // against and the real TorchSharp it is built on; a small reference set keeps each of the thousands
    // of compilations cheap.
    private static IEnumerable<MetadataReference> References()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = new[] { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Collections.dll", "System.Linq.dll" }
            .Select(name => Path.Combine(frameworkDirectory, name));
        var runtime = typeof(ForwardPassAttribute).Assembly;
        var torchSharp = typeof(global::TorchSharp.torch).Assembly;
        return framework
            .Append(runtime.Location)
            .Append(torchSharp.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}

/// <summary>What one analysis produced: Parity diagnostics and analyzer exceptions.</summary>
internal sealed record AnalysisOutcome(
    IReadOnlyList<Diagnostic> ParityDiagnostics,
    IReadOnlyList<string> AnalyzerExceptions);
