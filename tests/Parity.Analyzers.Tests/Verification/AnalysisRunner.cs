using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>Runs analyzers over a compilation; an analyzer exception (AD0001) fails the test.</summary>
internal static class AnalysisRunner
{
    /// <summary>Every analyzer Parity ships, found the way a compiler finds them: by <see cref="DiagnosticAnalyzerAttribute"/>.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(AnalyzerIds).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Every descriptor of <see cref="AllAnalyzers"/>.</summary>
    public static IEnumerable<DiagnosticDescriptor> AllDescriptors => AllAnalyzers.SelectMany(a => a.SupportedDiagnostics);

    /// <summary>Compiles <paramref name="sources"/> against the test references.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Source)> sources)
        => CSharpCompilation.Create(
            "TestProject",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, TestReferences.ParseOptions, s.Path)),
            TestReferences.All,
            TestReferences.CompilationOptions);

    /// <summary>The compiler errors of <paramref name="compilation"/>.</summary>
    public static IReadOnlyList<Diagnostic> Errors(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>The diagnostics <paramref name="analyzers"/> report on <paramref name="compilation"/>.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var failures = new List<string>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) =>
            {
                lock (failures)
                {
                    failures.Add($"{analyzer.GetType().Name} threw (AD0001): {exception}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
        failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
        if (failures.Count > 0)
        {
            Assert.Fail("An analyzer threw an exception; analyzers must never throw:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
        }

        return diagnostics;
    }
}
