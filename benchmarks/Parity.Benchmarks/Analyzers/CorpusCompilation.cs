using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// Compiles the generated corpus as a build does (parse every file, bind every method body) with a
/// given set of analyzers attached, against the real Parity runtime and the real TorchSharp assembly.
/// </summary>
internal sealed class CorpusCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // Single-threaded on both sides so the comparison measures work, not how busy the machine's cores are.
    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    private readonly IReadOnlyList<GeneratedFile> files;
    private readonly ImmutableArray<MetadataReference> references;

    public CorpusCompilation(IReadOnlyList<GeneratedFile> files)
    {
        this.files = files;
        references = References();
    }

    public int LineCount => files.Sum(file => file.Text.Count(c => c == '\n'));

    /// <summary>Every analyzer the Parity.Analyzers assembly exports.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> ParityAnalyzers { get; } =
        Assembly.Load(new AssemblyName("Parity.Analyzers")).GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>
    /// Parses and binds the whole corpus with <paramref name="analyzers"/> running; returns every diagnostic.
    /// Without a <paramref name="configuration"/> there is no config file at all: every rule at its default.
    /// </summary>
    public ImmutableArray<Diagnostic> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfiguration? configuration = null) =>
        WithAnalyzers(analyzers, logExecutionTime: false, configuration).GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Compiles with <paramref name="analyzers"/> (in <paramref name="configuration"/>, if given) and Roslyn's own
    /// accounting switched on: the time spent inside each analyzer's callbacks, and the wall-clock time of the
    /// whole compilation.
    /// </summary>
    public (TimeSpan Compilation, IReadOnlyDictionary<DiagnosticAnalyzer, TimeSpan> Analyzers) Time(ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfiguration? configuration = null)
    {
        var clock = Stopwatch.StartNew();
        // Only the analysis-result path keeps the accounting; it binds every method body as well.
        var result = WithAnalyzers(analyzers, logExecutionTime: true, configuration).GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        var elapsed = clock.Elapsed;
        return (elapsed, result.AnalyzerTelemetryInfo.ToDictionary(entry => entry.Key, entry => entry.Value.ExecutionTime));
    }

    private CompilationWithAnalyzers WithAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime, AnalyzerConfiguration? configuration = null)
    {
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path));
        var compilationOptions = configuration is null ? Options : Options.WithSpecificDiagnosticOptions(configuration.Severities);
        var compilation = CSharpCompilation.Create("GeneratedModels", trees, references, compilationOptions);
        var analyzerOptions = configuration is null
            ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
            : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, configuration.Options);
        var options = new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: logExecutionTime);
        return compilation.WithAnalyzers(analyzers, options);
    }

    private static ImmutableArray<MetadataReference> References()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"));
        var runtime = typeof(ForwardPassAttribute).Assembly;
        var parity = new[] { runtime.Location, typeof(TorchSharp.torch).Assembly.Location };
        return framework.Concat(parity).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
