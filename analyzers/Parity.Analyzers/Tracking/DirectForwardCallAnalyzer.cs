using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tracking;

/// <summary>
/// PAR2003: a module's forward pass (a method that is or overrides a virtual <c>[ForwardPass]</c> method)
/// is invoked directly instead of through the module's public entry, so tracking does not run.
/// <c>base.Forward(...)</c> from an override is the one direct call that is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DirectForwardCallAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.DirectForwardCall,
        "Module's Forward invoked directly, bypassing tracking",
        "'{0}' is called directly, so the module's variable tracking does not run; call the module through its public entry ('Call') instead",
        DiagnosticCategories.Tracking,
        DiagnosticSeverity.Info,
        "A module's public entry (Call) opens the module's variable store and scope before it runs Forward. Calling Forward directly skips that: a tracked module then creates its variables in whatever store is active, or fails. From an override, base.Forward(...) is fine.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { HasParity: true } symbols)
            {
                return;
            }

            start.RegisterOperationAction(operation => Analyze(operation, symbols), OperationKind.Invocation);
        });
    }

    // Cheapest test first: only a virtual call can reach an override of a forward pass.
    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var target = invocation.TargetMethod;
        if (!(target.IsVirtual || target.IsAbstract || target.IsOverride)
            || !symbols.OverridesForwardPassMarker(target, includeSelf: true)
            || (!invocation.IsVirtual && invocation.Instance is IInstanceReferenceOperation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), target.ContainingType.Name + "." + target.Name));
    }
}
