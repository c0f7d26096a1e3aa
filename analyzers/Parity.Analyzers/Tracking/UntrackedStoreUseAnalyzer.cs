using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tracking;

/// <summary>
/// PAR2001: an override of a <c>[ForwardPass]</c> method (such as <c>Module&lt;TIn, TOut&gt;.Forward</c>) uses
/// a <c>[RequiresVariableStore]</c> API but does not itself carry <c>[TrackVariables]</c>, so there is no
/// store to use when it runs. Reported once per method, at its name, with every use as an additional
/// location.
/// </summary>
/// <remarks>
/// An override of a tracked override is tracked too (the attribute is inherited, and the runtime honours
/// it). Only overrides are checked: that is where <c>[TrackVariables]</c> takes effect. A helper marked
/// <c>[ForwardPass]</c> may legitimately use the store of the tracked forward pass that calls it.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntrackedStoreUseAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.UntrackedVariableStoreUse,
        "Variable-store API used in a forward pass that is not tracked",
        "Forward pass '{0}' uses the variable store ('{1}') but is not marked [TrackVariables]; add [TrackVariables] so its variables are created once and reused",
        DiagnosticCategories.Tracking,
        DiagnosticSeverity.Warning,
        "Variable-store APIs (GetVariable, scoped layers, VariableScope, GetOrCreateLayer, MakeTemplate) need a store. A module's forward pass gets one, kept across calls, only when the override itself carries [TrackVariables]; without it the call fails at run time or, inside a legacy graph, creates variables outside the module.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { HasParity: true } symbols || symbols.RequiresVariableStore is null)
            {
                return;
            }

            start.RegisterOperationBlockStartAction(block =>
            {
                // Decided from the owning symbol before any operation is looked at: an untracked override only.
                if (block.OwningSymbol is not IMethodSymbol method
                    || !symbols.IsForwardPass(method)
                    || !symbols.OverridesForwardPassMarker(method, includeSelf: false)
                    || KnownSymbols.HasAttributeInOverrideChain(method, symbols.TrackVariables, includeSelf: true))
                {
                    return;
                }

                var uses = new List<(IOperation Operation, string Api)>();
                block.RegisterOperationAction(
                    operation =>
                    {
                        var target = operation.Operation switch
                        {
                            IInvocationOperation invocation => invocation.TargetMethod,
                            IObjectCreationOperation creation => creation.Constructor,
                            _ => null,
                        };
                        if (target is not null && KnownSymbols.HasAttribute(target.OriginalDefinition, symbols.RequiresVariableStore))
                        {
                            lock (uses)
                            {
                                uses.Add((operation.Operation, target.MethodKind == MethodKind.Constructor ? target.ContainingType.Name : target.Name));
                            }
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation);
                block.RegisterOperationBlockEndAction(end => Report(end, method, uses));
            });
        });
    }

    private static void Report(OperationBlockAnalysisContext context, IMethodSymbol method, List<(IOperation Operation, string Api)> uses)
    {
        if (uses.Count == 0)
        {
            return;
        }

        var ordered = uses.OrderBy(u => u.Operation.Syntax.SpanStart).ToList();
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            method.Locations[0],
            ordered.Select(u => u.Operation.Syntax.GetLocation()),
            method.Name,
            ordered[0].Api));
    }
}
