using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>
/// Runs the forward-pass rules on the operations of forward passes: methods carrying (or overriding a method
/// carrying) <c>[ForwardPass]</c> and TorchSharp modules' <c>forward</c>. Constructors and <c>Build</c>-style
/// methods are not analyzed: only a forward pass runs on every call. The rules also see the operations of a
/// module's other methods and property getters, whose creations count when a forward pass calls them per call
/// (<see cref="ForwardPassHelpers"/>).
/// </summary>
/// <remarks>
/// The usual shape of an operation-based analyzer: the known symbols are resolved once per compilation (a
/// compilation that sees neither Parity nor TorchSharp registers nothing), and one operation action is registered
/// for the compilation; it starts with a symbol test on the method holding the operation. The host builds
/// operation trees for every body anyway (the SDK's own analyzers ask for them), but it pays for every callback it
/// makes, in every method of the compilation: so all the forward-pass rules, and the record of helper calls, share
/// this one action instead of registering one each. Registering per accepted block instead (an
/// operation-block-start action) made the host allocate per block of every method and rule.
/// </remarks>
internal static class ForwardPassScope
{
    /// <summary>
    /// Runs <paramref name="rules"/> for every object creation and invocation inside a forward pass, or inside a
    /// module's helper (then <see cref="ForwardPassOperationContext.IsInHelper"/> is true and what a rule reports
    /// through <see cref="ForwardPassOperationContext.ReportCreation"/> waits for the compilation's end).
    /// </summary>
    /// <param name="context">The analyzer's context.</param>
    /// <param name="rules">The rules, called in turn for each operation.</param>
    public static void Register(AnalysisContext context, Action<ForwardPassOperationContext, KnownSymbols> rules)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { } symbols)
            {
                return;
            }

            // Helpers are modules' methods, and modules need TorchSharp.
            var helpers = symbols.HasTorchSharp ? new ForwardPassHelpers(symbols) : null;
            start.RegisterOperationAction(
                operation => Analyze(operation, rules, symbols, helpers),
                OperationKind.ObjectCreation,
                OperationKind.Invocation,
                OperationKind.PropertyReference);
            if (helpers is not null)
            {
                start.RegisterCompilationEndAction(helpers.ReportReached);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext operation, Action<ForwardPassOperationContext, KnownSymbols> rules, KnownSymbols symbols, ForwardPassHelpers? helpers)
    {
        if (operation.ContainingSymbol is not IMethodSymbol method)
        {
            return;
        }

        ForwardPassHelpers? heldBy;
        if (symbols.IsForwardPass(method))
        {
            heldBy = null;
        }
        else if (helpers is not null && helpers.MayBeHelper(method))
        {
            heldBy = helpers;
        }
        else
        {
            return;
        }

        // Property reads only matter as calls of a getter.
        helpers?.RecordCall(operation, method);
        if (operation.Operation.Kind != OperationKind.PropertyReference)
        {
            rules(new ForwardPassOperationContext(operation, method, heldBy), symbols);
        }
    }
}
