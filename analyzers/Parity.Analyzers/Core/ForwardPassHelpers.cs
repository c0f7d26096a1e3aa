using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Parity.Analyzers.Core;

/// <summary>
/// Follows a forward pass into the module's own helper methods and property getters that it calls on every call:
/// <c>forward</c> calling <c>MakeHead(x)</c>, which calls <c>nn.Linear(...)</c>, creates a layer per call as
/// surely as <c>forward</c> writing it out. A call under a create-once guard (<c>_head ??= MakeHead()</c>) is
/// not followed. The helper's operations come from the semantic model the forward pass was bound with, so only
/// helpers in the same file are followed, and nothing is bound unless a forward pass calls one.
/// </summary>
internal sealed class ForwardPassHelpers
{
    /// <summary>
    /// The property a report made through a helper carries (the helper's name): the report sits at the forward
    /// pass's call, and a fix that moved "the creation" there would move the call instead.
    /// </summary>
    public const string ThroughHelperProperty = "Parity.ThroughHelper";

    // Helpers calling helpers: deep enough for real code, and a stop for recursion.
    private const int MaxDepth = 4;

    private readonly IMethodSymbol forwardPass;
    private readonly Action<ForwardPassOperationContext, KnownSymbols> rule;
    private readonly KnownSymbols symbols;
    private readonly OperationKind[] kinds;
    private HashSet<IMethodSymbol>? followed;

    /// <summary>Creates the follower of one forward pass's helper calls, for <paramref name="rule"/>.</summary>
    public ForwardPassHelpers(IMethodSymbol forwardPass, Action<ForwardPassOperationContext, KnownSymbols> rule, KnownSymbols symbols, OperationKind[] kinds)
    {
        this.forwardPass = forwardPass;
        this.rule = rule;
        this.symbols = symbols;
        this.kinds = kinds;
    }

    /// <summary>The properties of a report made through <paramref name="helper"/>.</summary>
    public static ImmutableDictionary<string, string?> ThroughHelper(IMethodSymbol helper)
        => ImmutableDictionary<string, string?>.Empty.Add(ThroughHelperProperty, helper.Name);

    /// <summary>When the operation of <paramref name="context"/> calls a helper per call, runs the rule on the helper's operations.</summary>
    public void Follow(OperationAnalysisContext context)
        => Follow(context, context.Operation, forwardPass.ContainingType, context.Operation.Syntax.GetLocation(), depth: 0);

    private void Follow(OperationAnalysisContext context, IOperation call, INamedTypeSymbol module, Location callSite, int depth)
    {
        if (depth >= MaxDepth || Callee(call, module) is not { } helper || call.SemanticModel is not { } model)
        {
            return;
        }

        // Each helper once per forward pass, however many calls reach it.
        lock (this)
        {
            followed ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!followed.Add(helper))
            {
                return;
            }
        }

        foreach (var reference in helper.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree || model.GetOperation(reference.GetSyntax(context.CancellationToken), context.CancellationToken) is not { } body)
            {
                continue;
            }

            foreach (var operation in body.DescendantsAndSelf())
            {
                if (Array.IndexOf(kinds, operation.Kind) >= 0)
                {
                    rule(new ForwardPassOperationContext(context, operation, helper, forwardPass, callSite), symbols);
                }

                if (operation.Kind is OperationKind.Invocation or OperationKind.PropertyReference)
                {
                    Follow(context, operation, module, callSite, depth + 1);
                }
            }
        }
    }

    // The module's own method or property getter that the operation calls per call, if any.
    private IMethodSymbol? Callee(IOperation operation, INamedTypeSymbol module)
    {
        var (callee, instance) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Instance),
            IPropertyReferenceOperation { Property.GetMethod: { } getter } read when !IsWrittenTo(read) => (getter, read.Instance),
            _ => (null, null),
        };

        return callee is { MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet }
            && SymbolEqualityComparer.Default.Equals(callee.ContainingType.OriginalDefinition, module.OriginalDefinition)
            && instance is null or IInstanceReferenceOperation
            && !symbols.IsForwardPass(callee)
            && !CreateOnceGuards.IsCreatedOnce(operation, symbols)
                ? callee.OriginalDefinition
                : null;
    }

    private static bool IsWrittenTo(IOperation reference)
        => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
}
