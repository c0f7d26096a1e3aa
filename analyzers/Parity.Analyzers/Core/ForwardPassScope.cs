using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>
/// Runs a rule on the operations of forward passes only. Other methods (constructors, <c>Build</c>-style
/// methods, helpers) are not analyzed at all: only a forward pass runs on every call, and a helper opts in
/// by carrying <c>[ForwardPass]</c>.
/// </summary>
/// <remarks>
/// A forward pass is decided from the method's declared symbol, which is cheap, before any operation is
/// built; operation actions would make the host build the operation tree of every method body in the
/// compilation just to reject it. Then the rule's call-site filter reads the forward pass's calls from
/// syntax: binding a body costs about what compiling it costs, so a forward pass with nothing the rule
/// could report is left unbound. The forward passes are found once per tree (<see cref="ForwardPasses"/>)
/// and handed to each rule from one semantic-model action. Only ordinary methods can be forward passes (see
/// <see cref="KnownSymbols.IsForwardPass"/>), and those are always method declarations.
/// </remarks>
internal static class ForwardPassScope
{
    /// <summary>
    /// Runs <paramref name="action"/> for every operation of <paramref name="kinds"/> inside a forward pass
    /// of a compilation that sees Parity or TorchSharp, when at least one of its call sites
    /// <paramref name="needsBinding"/>: a forward pass whose every call and creation the rule can clear from
    /// syntax and <see cref="DeclarationIndex"/> is never bound.
    /// </summary>
    /// <param name="context">The analyzer's context.</param>
    /// <param name="needsBinding">
    /// True when a call site may be one the rule reports: its name is one the rule's markers use (or unknown)
    /// and syntax does not already show it to be fine. It must never return false for a site the rule would
    /// report, since the rule then never sees it. It is only asked about the forward pass's candidate sites
    /// (<see cref="ForwardPassDeclaration.CandidateSites"/>), so every name it accepts must be one of
    /// <see cref="DeclarationIndex.CandidateNames"/>.
    /// </param>
    /// <param name="action">The rule, run on the operations of a forward pass that needs binding.</param>
    /// <param name="kinds">The operation kinds the rule looks at.</param>
    public static void Register(
        AnalysisContext context,
        Func<CallSite, ForwardPassDeclaration, DeclarationIndex, bool> needsBinding,
        Action<ForwardPassOperationContext, KnownSymbols> action,
        params OperationKind[] kinds)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { } symbols)
            {
                return;
            }

            start.RegisterSemanticModelAction(tree =>
            {
                var model = tree.SemanticModel;
                var cancellationToken = tree.CancellationToken;
                foreach (var forwardPass in ForwardPasses.In(model, symbols, cancellationToken))
                {
                    if (!AnyNeedsBinding(forwardPass, symbols.Declarations, needsBinding, cancellationToken))
                    {
                        continue;
                    }

                    var report = ReporterFor(tree);
                    foreach (var operation in MethodBodyOperations.Of(forwardPass.Syntax, model, cancellationToken))
                    {
                        if (Array.IndexOf(kinds, operation.Kind) >= 0)
                        {
                            action(new ForwardPassOperationContext(operation, forwardPass.Symbol, report, cancellationToken), symbols);
                        }
                    }
                }
            });
        });
    }

    // A method of its own, so the closure is made only for a forward pass that is bound, not for every tree.
    private static Action<Diagnostic> ReporterFor(SemanticModelAnalysisContext tree)
        => diagnostic => GeneratedCode.Report(tree, diagnostic);

    private static bool AnyNeedsBinding(ForwardPassDeclaration forwardPass, DeclarationIndex index, Func<CallSite, ForwardPassDeclaration, DeclarationIndex, bool> needsBinding, CancellationToken cancellationToken)
    {
        // A site outside the candidates names nothing in the index, and every rule's filter needs such a name.
        foreach (var site in forwardPass.CandidateSites(index, cancellationToken))
        {
            if (needsBinding(site, forwardPass, index))
            {
                return true;
            }
        }

        return false;
    }
}
