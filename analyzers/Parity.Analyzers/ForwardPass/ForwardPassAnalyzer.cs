using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.ForwardPass;

/// <summary>
/// The rules that read forward passes operation by operation: PAR1001 (<see cref="VariableCreationRule"/>),
/// PAR1002 (<see cref="LayerCreationRule"/>), PAR1003 (<see cref="ScopedLayerNamingRule"/>) and PAR1004
/// (<see cref="TemplateCreationRule"/>). They share one analyzer and one operation action
/// (<see cref="ForwardPassScope"/>): the host calls an analyzer's action for every invocation of every method in
/// the compilation, forward pass or not, and with one analyzer per rule those calls, and the per-rule record of
/// helper calls, were most of what these rules cost a build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForwardPassAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray<DiagnosticDescriptor>.Empty
        .AddRange(VariableCreationRule.Descriptors)
        .AddRange(LayerCreationRule.Descriptors)
        .AddRange(ScopedLayerNamingRule.Descriptors)
        .AddRange(TemplateCreationRule.Descriptors);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ForwardPassScope.Register(context, Analyze);
    }

    private static void Analyze(ForwardPassOperationContext context, KnownSymbols symbols)
    {
        VariableCreationRule.Analyze(context, symbols);
        LayerCreationRule.Analyze(context, symbols);
        ScopedLayerNamingRule.Analyze(context, symbols);
        TemplateCreationRule.Analyze(context, symbols);
    }
}
