using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

// The analyzer-authoring rules are for analyzers a compiler loads. This one lives only inside the
// benchmark process, and an action that does nothing is exactly the work it is meant to cost.
#pragma warning disable RS1036, RS1041, RS2008

/// <summary>
/// The third baseline: an analyzer that asks for the same syntax nodes as Parity's analyzers (method
/// declarations and invocations) and does nothing with them. Against the empty analyzer it is the host's
/// cost of running declaration-based analysis at all, which no syntax or operation rule can avoid.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SyntaxBaselineAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0003", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.MethodDeclaration, SyntaxKind.InvocationExpression);
    }
}
