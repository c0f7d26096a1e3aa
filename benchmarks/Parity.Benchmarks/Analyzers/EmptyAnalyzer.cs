using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

// The analyzer-authoring rules are for analyzers a compiler loads. This one lives only inside the
// benchmark process, and an empty start action is exactly the work it is meant to cost.
#pragma warning disable RS1012, RS1036, RS1041, RS2008

/// <summary>
/// The baseline: an analyzer that costs the host what any analyzer costs (a driver, compilation
/// events) and does no work of its own. Parity's overhead is measured against it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    // A host skips an analyzer whose every diagnostic is off, so the baseline declares one it never reports.
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(_ => { });
    }
}
