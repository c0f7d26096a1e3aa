using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// The TorchSharp registration rules that read a whole module: PAR3001
/// (<see cref="MissingRegisterComponentsRule"/>), PAR3002 (<see cref="ComponentsInPlainCollectionRule"/>), PAR3003
/// (<see cref="ComponentInAutoPropertyRule"/>) and PAR3004 (<see cref="ComponentAssignedAfterRegistrationRule"/>). They share one analyzer so that each module is
/// read once, from one per-module scope (<see cref="TorchSharpModuleScope"/>): the host's bookkeeping for a
/// symbol-start action is paid per analyzer and per module, and with one analyzer per rule it was most of what
/// these rules allocated.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TorchSharpRegistrationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray<DiagnosticDescriptor>.Empty
        .AddRange(MissingRegisterComponentsRule.Descriptors)
        .AddRange(ComponentsInPlainCollectionRule.Descriptors)
        .AddRange(ComponentInAutoPropertyRule.Descriptors)
        .AddRange(ComponentAssignedAfterRegistrationRule.Descriptors);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        TorchSharpModuleScope.Register(context, Analyze);
    }

    private static void Analyze(SymbolAnalysisContext context, ModuleRegistrations module, KnownSymbols symbols)
    {
        MissingRegisterComponentsRule.Analyze(context, module, symbols);
        ComponentsInPlainCollectionRule.Analyze(context, module, symbols);
        ComponentInAutoPropertyRule.Analyze(context, module, symbols);
        ComponentAssignedAfterRegistrationRule.Analyze(context, module, symbols);
    }
}
