using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Parity.Analyzers.Core;

/// <summary>
/// The helper methods of modules that their forward passes call on every call: <c>forward</c> calling
/// <c>MakeHead(x)</c>, which calls <c>nn.Linear(...)</c>, creates a layer per call as surely as <c>forward</c>
/// writing it out. For one compilation it records each module's calls of its own methods and property getters,
/// and what the creation rules find in methods that are not forward passes; at the compilation's end it
/// reports the findings that lie in a helper some forward pass of the same module reaches, naming that forward
/// pass and the helper. A call under a create-once guard (<c>_head ??= MakeHead()</c>) does not make its callee
/// per-call code.
/// </summary>
/// <remarks>
/// Whether a forward pass reaches a helper is known only when both have been analysed. Waiting for each module's
/// end needs a per-module scope, which costs the host more for every module than the rare finding is worth;
/// binding each called helper from the forward pass binds the module's helpers a second time. So the findings
/// wait for the compilation's end: a build shows them, an IDE with full-solution analysis.
/// </remarks>
internal sealed class ForwardPassHelpers
{
    private readonly ConcurrentBag<(IMethodSymbol Caller, IMethodSymbol Callee, Location Site)> calls = [];
    private readonly ConcurrentBag<(DiagnosticDescriptor Rule, IMethodSymbol Helper, string Created, Location Location)> findings = [];
    private readonly KnownSymbols symbols;

    /// <summary>Creates the (empty) record for one compilation.</summary>
    /// <param name="symbols">The compilation's known symbols.</param>
    public ForwardPassHelpers(KnownSymbols symbols) => this.symbols = symbols;

    /// <summary>True for a method whose findings may matter through a forward pass: a module's own method or property getter.</summary>
    public bool MayBeHelper(IMethodSymbol method)
        => method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet && symbols.IsTorchModule(method.ContainingType);

    /// <summary>
    /// Records the operation when <paramref name="caller"/>, a forward pass or a helper of a module, calls one of
    /// the module's own methods or getters per call.
    /// </summary>
    public void RecordCall(OperationAnalysisContext context, IMethodSymbol caller)
    {
        var (callee, instance) = context.Operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Instance),
            IPropertyReferenceOperation { Property.GetMethod: { } getter } read when !IsWrittenTo(read) => (getter, read.Instance),
            _ => (null, null),
        };

        if (callee is { MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet }
            && SymbolEqualityComparer.Default.Equals(callee.ContainingType.OriginalDefinition, caller.ContainingType.OriginalDefinition)
            && instance is null or IInstanceReferenceOperation
            && !symbols.IsForwardPass(callee)
            && !CreateOnceGuards.IsCreatedOnce(context.Operation, symbols))
        {
            calls.Add((caller.OriginalDefinition, callee.OriginalDefinition, context.Operation.Syntax.GetLocation()));
        }
    }

    /// <summary>
    /// Holds what a rule found in <paramref name="helper"/> until the compilation's calls are known; reported
    /// with <paramref name="throughHelperRule"/> (arguments <c>{0}</c> created, <c>{1}</c> forward pass, <c>{2}</c> helper).
    /// </summary>
    public void Defer(DiagnosticDescriptor throughHelperRule, IMethodSymbol helper, string created, Location location)
        => findings.Add((throughHelperRule, helper.OriginalDefinition, created, location));

    /// <summary>Reports every held finding whose helper a forward pass of its module calls, directly or through other helpers.</summary>
    public void ReportReached(CompilationAnalysisContext context)
    {
        if (findings.IsEmpty)
        {
            return;
        }

        // Breadth first from the forward passes, in source order, so each helper is named with its nearest forward pass.
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
                if (SymbolEqualityComparer.Default.Equals(caller, helper) && !reached.ContainsKey(callee))
                {
                    reached.Add(callee, reached[helper]);
                    queue.Enqueue(callee);
                }
            }
        }

        foreach (var (rule, helper, created, location) in findings)
        {
            if (reached.TryGetValue(helper, out var origin))
            {
                var helperName = helper.AssociatedSymbol?.Name ?? helper.Name;
                context.ReportDiagnostic(Diagnostic.Create(rule, location, [origin.Site], created, origin.ForwardPass.Name, helperName));
            }
        }
    }

    private static bool IsWrittenTo(IOperation reference)
        => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
}
