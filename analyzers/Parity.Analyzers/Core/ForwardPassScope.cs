using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>
/// Runs a rule on the operations of forward passes only: methods carrying (or overriding a method carrying)
/// <c>[ForwardPass]</c> and TorchSharp modules' <c>forward</c>. Constructors, <c>Build</c>-style methods and
/// other helpers are not analyzed: only a forward pass runs on every call, and a helper opts in by carrying
/// <c>[ForwardPass]</c>.
/// </summary>
/// <remarks>
/// The usual shape of an operation-based analyzer: the known symbols are resolved once per compilation (a
/// compilation that sees neither Parity nor TorchSharp registers nothing), each code block is accepted or
/// rejected from its owning symbol alone, and the rule's operation action runs only inside accepted blocks.
/// The host builds operation trees for every body anyway (the SDK's own analyzers ask for them), so what a rule
/// adds is its own filter, which starts with a symbol comparison.
/// </remarks>
internal static class ForwardPassScope
{
    /// <summary>Runs <paramref name="action"/> for every operation of <paramref name="kinds"/> inside a forward pass.</summary>
    /// <param name="context">The analyzer's context.</param>
    /// <param name="action">The rule.</param>
    /// <param name="kinds">The operation kinds the rule looks at.</param>
    public static void Register(AnalysisContext context, Action<ForwardPassOperationContext, KnownSymbols> action, params OperationKind[] kinds)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { } symbols)
            {
                return;
            }

            start.RegisterOperationBlockStartAction(block =>
            {
                if (block.OwningSymbol is IMethodSymbol method && symbols.IsForwardPass(method))
                {
                    block.RegisterOperationAction(operation => action(new ForwardPassOperationContext(operation, method), symbols), kinds);
                }
            });
        });
    }
}
