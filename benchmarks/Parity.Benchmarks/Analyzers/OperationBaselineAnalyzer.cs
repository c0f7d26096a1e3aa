using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

// The analyzer-authoring rules are for analyzers a compiler loads. This one lives only inside the
// benchmark process, and an action that does nothing is exactly the work it is meant to cost.
#pragma warning disable RS1036, RS1041, RS2008

/// <summary>
/// The second baseline: an analyzer that asks for the operation trees of every method body (as the
/// SDK's default-on analyzers already do in every build) and does nothing with them: the host's cost
/// that Parity's analyzers avoid by asking for the trees of forward passes only.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class OperationBaselineAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation);
    }
}
