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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { HasParity: true } symbols || symbols.RequiresVariableStore is null)
            {
                return;
            }

            start.RegisterSemanticModelAction(tree =>
            {
                foreach (var forwardPass in ForwardPasses.In(tree.SemanticModel, symbols, tree.CancellationToken))
                {
                    Analyze(tree, forwardPass, symbols);
                }
            });
        });
    }

    // Overrides are decided from the declared symbol before any operation is built: operation actions would
    // make the host build the operation tree of every method body in the compilation. Forward passes are
    // ordinary methods (KnownSymbols.IsForwardPass), so their overrides are among the forward passes found
    // once per tree (see ForwardPasses).
    private static void Analyze(SemanticModelAnalysisContext context, ForwardPassDeclaration forwardPass, KnownSymbols symbols)
    {
        var method = forwardPass.Symbol;
        var syntax = forwardPass.Syntax;
        if (!symbols.OverridesForwardPassMarker(method, includeSelf: false)
            || KnownSymbols.HasAttributeInOverrideChain(method, symbols.TrackVariables, includeSelf: true))
        {
            return;
        }

        // Binding the body costs about what compiling it does; only a store API's name can reach one.
        var storeApis = symbols.Declarations.StoreApis;
        if (!forwardPass.CandidateSites(symbols.Declarations, context.CancellationToken).Any(storeApis.MayReach))
        {
            return;
        }

        var uses = new List<(IOperation Operation, string Api)>();
        foreach (var operation in MethodBodyOperations.Of(syntax, context.SemanticModel, context.CancellationToken))
        {
            var target = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            if (target is not null && KnownSymbols.HasAttribute(target.OriginalDefinition, symbols.RequiresVariableStore))
            {
                uses.Add((operation, target.MethodKind == MethodKind.Constructor ? target.ContainingType.Name : target.Name));
            }
        }

        if (uses.Count == 0)
        {
            return;
        }

        var ordered = uses.OrderBy(u => u.Operation.Syntax.SpanStart).ToList();
        GeneratedCode.Report(context, Diagnostic.Create(
            Rule,
            method.Locations[0],
            ordered.Select(u => u.Operation.Syntax.GetLocation()),
            method.Name,
            ordered[0].Api));
    }
}
