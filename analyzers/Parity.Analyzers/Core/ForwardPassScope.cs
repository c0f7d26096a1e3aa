using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>
/// Runs a rule on the operations of forward passes only: methods carrying (or overriding a method carrying)
/// <c>[ForwardPass]</c> and TorchSharp modules' <c>forward</c>. Constructors and <c>Build</c>-style methods are
/// not analyzed: only a forward pass runs on every call. The creation rules also follow a module's own helper
/// methods that a forward pass calls (<see cref="RegisterWithHelpers"/>).
/// </summary>
/// <remarks>
/// The usual shape of an operation-based analyzer: the known symbols are resolved once per compilation (a
/// compilation that sees neither Parity nor TorchSharp registers nothing), and the rule's operation action is
/// registered for the compilation and starts with a symbol test on the method holding the operation. The host
/// builds operation trees for every body anyway (the SDK's own analyzers ask for them). Registering the action
/// per accepted block instead (an operation-block-start action) made the host allocate per block of every method
/// for every rule: measured on the benchmark corpus, it was most of what the forward-pass rules allocated.
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
            if (KnownSymbols.Get(start.Compilation) is { } symbols)
            {
                RegisterRule(start, action, symbols, kinds, helpers: null);
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="action"/> inside forward passes as <see cref="Register"/> does, and also inside the
    /// other methods and property getters of modules; what it reports there through
    /// <see cref="ForwardPassOperationContext.ReportCreation"/> is reported with <paramref name="throughHelperRule"/>
    /// at the compilation's end, when a forward pass of the module calls that helper per call
    /// (<see cref="ForwardPassHelpers"/>).
    /// </summary>
    /// <param name="context">The analyzer's context.</param>
    /// <param name="action">The rule.</param>
    /// <param name="throughHelperRule">The rule's compilation-end variant: <c>{0}</c> created, <c>{1}</c> forward pass, <c>{2}</c> helper.</param>
    /// <param name="kinds">The operation kinds the rule looks at.</param>
    public static void RegisterWithHelpers(AnalysisContext context, Action<ForwardPassOperationContext, KnownSymbols> action, DiagnosticDescriptor throughHelperRule, params OperationKind[] kinds)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { } symbols)
            {
                return;
            }

            // Helpers are modules' methods, and modules need TorchSharp.
            var helpers = symbols.HasTorchSharp ? new ForwardPassHelpers(throughHelperRule, symbols) : null;
            RegisterRule(start, action, symbols, kinds, helpers);
            if (helpers is not null)
            {
                start.RegisterOperationAction(helpers.RecordCall, OperationKind.Invocation, OperationKind.PropertyReference);
                start.RegisterCompilationEndAction(helpers.ReportReached);
            }
        });
    }

    // One action per rule: in a forward pass the rule reports; with helpers, in a module's other method it holds
    // its findings (see ForwardPassHelpers).
    private static void RegisterRule(CompilationStartAnalysisContext start, Action<ForwardPassOperationContext, KnownSymbols> action, KnownSymbols symbols, OperationKind[] kinds, ForwardPassHelpers? helpers)
    {
        start.RegisterOperationAction(
            operation =>
            {
                if (operation.ContainingSymbol is not IMethodSymbol method)
                {
                    return;
                }

                if (symbols.IsForwardPass(method))
                {
                    action(new ForwardPassOperationContext(operation, method), symbols);
                }
                else if (helpers is not null && helpers.MayBeHelper(method))
                {
                    action(new ForwardPassOperationContext(operation, method, helpers), symbols);
                }
            },
            kinds);
    }
}
