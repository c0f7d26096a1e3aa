using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Parity.Analyzers.Core;

/// <summary>
/// The helper methods of one module that its forward passes call on every call: <c>forward</c> calling
/// <c>MakeHead(x)</c>, which calls <c>nn.Linear(...)</c>, creates a layer per call as surely as <c>forward</c>
/// writing it out. Records the module's calls of its own methods (and property getters), holds what the rules
/// find in methods that are not forward passes, and at the module's end reports what lies in a helper some
/// forward pass reaches, naming that forward pass and pointing at the call that starts the chain. A call under a
/// create-once guard (<c>_head ??= MakeHead()</c>) does not make its callee per-call code.
/// </summary>
internal sealed class ForwardPassHelpers
{
    private readonly INamedTypeSymbol type;
    private readonly List<(IMethodSymbol Caller, IMethodSymbol Callee, Location Site)> calls = [];
    private readonly List<(IMethodSymbol Helper, DiagnosticDescriptor Rule, Location Location, string Created)> pending = [];

    /// <summary>Creates the (empty) record of <paramref name="module"/>'s helper calls.</summary>
    public ForwardPassHelpers(INamedTypeSymbol module) => type = module;

    /// <summary>Records <paramref name="operation"/> (an invocation or property read in <paramref name="caller"/>) when it calls one of the module's own methods per call.</summary>
    public void RecordCall(IMethodSymbol caller, IOperation operation, KnownSymbols symbols)
    {
        var (callee, instance) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Instance),
            IPropertyReferenceOperation { Property.GetMethod: { } getter } read when !IsWrittenTo(read) => (getter, read.Instance),
            _ => (null, null),
        };

        if (callee is null
            || callee.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet)
            || !SymbolEqualityComparer.Default.Equals(callee.ContainingType.OriginalDefinition, type.OriginalDefinition)
            || instance is not (null or IInstanceReferenceOperation)
            || symbols.IsForwardPass(callee)
            || CreateOnceGuards.IsCreatedOnce(operation, symbols))
        {
            return;
        }

        lock (calls)
        {
            calls.Add((caller, callee.OriginalDefinition, operation.Syntax.GetLocation()));
        }
    }

    /// <summary>Holds a report of <paramref name="rule"/> in <paramref name="helper"/> until the module's calls are known.</summary>
    public void Defer(IMethodSymbol helper, DiagnosticDescriptor rule, Location location, string created)
    {
        lock (pending)
        {
            pending.Add((helper.OriginalDefinition, rule, location, created));
        }
    }

    /// <summary>Reports every held finding whose helper a forward pass of the module calls, directly or through other helpers.</summary>
    public void ReportReached(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        if (pending.Count == 0)
        {
            return;
        }

        // Breadth first from the forward passes, in source order, so each helper is named with its nearest caller.
        var ordered = calls.OrderBy(c => c.Site.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(c => c.Site.SourceSpan.Start).ToList();
        var reached = new Dictionary<IMethodSymbol, (IMethodSymbol ForwardPass, Location Site)>(SymbolEqualityComparer.Default);
        var queue = new Queue<IMethodSymbol>();
        foreach (var (caller, callee, site) in ordered)
        {
            if (symbols.IsForwardPass(caller) && !reached.ContainsKey(callee))
            {
                reached.Add(callee, (caller, site));
                queue.Enqueue(callee);
            }
        }

        while (queue.Count > 0)
        {
            var helper = queue.Dequeue();
            foreach (var (caller, callee, _) in ordered)
            {
                if (SymbolEqualityComparer.Default.Equals(caller.OriginalDefinition, helper) && !reached.ContainsKey(callee))
                {
                    reached.Add(callee, reached[helper]);
                    queue.Enqueue(callee);
                }
            }
        }

        foreach (var (helper, rule, location, created) in pending)
        {
            if (reached.TryGetValue(helper, out var origin))
            {
                context.ReportDiagnostic(Diagnostic.Create(rule, location, [origin.Site], created, origin.ForwardPass.Name));
            }
        }
    }

    private static bool IsWrittenTo(IOperation reference)
        => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
}
