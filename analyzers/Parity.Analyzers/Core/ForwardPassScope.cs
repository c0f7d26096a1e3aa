using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>
/// Registers operation actions that run only inside forward passes. Other methods (constructors,
/// <c>Build</c>-style methods, helpers) are not analyzed at all: only a forward pass runs on every call,
/// and a helper opts in by carrying <c>[ForwardPass]</c>.
/// </summary>
internal static class ForwardPassScope
{
    /// <summary>
    /// Runs <paramref name="action"/> for every operation of <paramref name="kinds"/> inside a forward pass
    /// of a compilation that sees Parity or TorchSharp.
    /// </summary>
    public static void Register(
        AnalysisContext context,
        Action<OperationAnalysisContext, KnownSymbols, IMethodSymbol> action,
        params OperationKind[] kinds)
    {
        var operationKinds = ImmutableArray.Create(kinds);
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
                    block.RegisterOperationAction(operation => action(operation, symbols, method), operationKinds);
                }
            });
        });
    }
}
