using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>
/// One operation handed to a rule by <see cref="ForwardPassScope"/>: an operation of a forward pass, or of a
/// module's helper method that the forward pass calls (<see cref="ForwardPassHelpers"/>), with the forward pass
/// it runs for.
/// </summary>
internal readonly struct ForwardPassOperationContext
{
    private readonly OperationAnalysisContext context;
    private readonly Location? callSite;

    /// <summary>Wraps the host's <paramref name="context"/> for its own operation, in <paramref name="forwardPass"/>.</summary>
    public ForwardPassOperationContext(OperationAnalysisContext context, IMethodSymbol forwardPass)
        : this(context, context.Operation, forwardPass, forwardPass, callSite: null)
    {
    }

    /// <summary>
    /// An operation of <paramref name="method"/>, a helper that <paramref name="forwardPass"/> calls at
    /// <paramref name="callSite"/>; reports go through the host's <paramref name="context"/> for that call.
    /// </summary>
    public ForwardPassOperationContext(OperationAnalysisContext context, IOperation operation, IMethodSymbol method, IMethodSymbol forwardPass, Location? callSite)
    {
        this.context = context;
        this.callSite = callSite;
        Operation = operation;
        Method = method;
        ForwardPass = forwardPass;
    }

    /// <summary>The operation to analyze.</summary>
    public IOperation Operation { get; }

    /// <summary>The method whose body holds <see cref="Operation"/>: the forward pass itself, or a helper it calls.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The forward pass that runs <see cref="Operation"/> on every call.</summary>
    public IMethodSymbol ForwardPass { get; }

    /// <summary>The type whose code holds <see cref="Operation"/>.</summary>
    public INamedTypeSymbol ContainingType => Method.ContainingType;

    /// <summary>Cancels the analysis.</summary>
    public CancellationToken CancellationToken => context.CancellationToken;

    /// <summary>Reports <paramref name="diagnostic"/> (for rules that look at forward passes only).</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => context.ReportDiagnostic(diagnostic);

    /// <summary>
    /// Reports <paramref name="rule"/> with the arguments <c>{0}</c> = <paramref name="created"/> and <c>{1}</c> =
    /// the forward pass. In the forward pass itself the report is at <see cref="Operation"/>. In a helper it is at
    /// the forward pass's call that leads there, with the creation as the second location and the helper named
    /// after the forward pass (<c>'forward' through 'MakeHead'</c>): a report belongs to the code the host is
    /// analysing, and the call is where the per-call work starts. Such a report carries
    /// <see cref="ForwardPassHelpers.ThroughHelperProperty"/>, so no fix rewrites the call.
    /// </summary>
    public void ReportCreation(DiagnosticDescriptor rule, string created)
    {
        if (callSite is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(rule, Operation.Syntax.GetLocation(), created, ForwardPass.Name));
            return;
        }

        // The format quotes {1}, so the inner quotes make it read: forward pass 'forward' through 'MakeHead'.
        var through = $"{ForwardPass.Name}' through '{Method.AssociatedSymbol?.Name ?? Method.Name}";
        context.ReportDiagnostic(Diagnostic.Create(
            rule,
            callSite,
            [Operation.Syntax.GetLocation()],
            ForwardPassHelpers.ThroughHelper(Method),
            created,
            through));
    }
}
