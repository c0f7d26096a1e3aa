using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>
/// One operation handed to a rule by <see cref="ForwardPassScope"/>: an operation of a forward pass, or of a
/// module's other method that a forward pass may call (then what the rule reports waits until the compilation's
/// calls are known, see <see cref="ForwardPassHelpers"/>).
/// </summary>
internal readonly struct ForwardPassOperationContext
{
    private readonly OperationAnalysisContext context;
    private readonly ForwardPassHelpers? helpers;

    /// <summary>Wraps the host's <paramref name="context"/> for an operation of <paramref name="method"/>.</summary>
    /// <param name="context">The host's context.</param>
    /// <param name="method">The forward pass or helper whose body holds the operation.</param>
    /// <param name="helpers">The compilation's helper record when <paramref name="method"/> is a helper, not a forward pass.</param>
    public ForwardPassOperationContext(OperationAnalysisContext context, IMethodSymbol method, ForwardPassHelpers? helpers = null)
    {
        this.context = context;
        this.helpers = helpers;
        Method = method;
    }

    /// <summary>The operation to analyze.</summary>
    public IOperation Operation => context.Operation;

    /// <summary>The forward pass (or helper) whose body holds <see cref="Operation"/>.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The type whose code holds <see cref="Operation"/>.</summary>
    public INamedTypeSymbol ContainingType => Method.ContainingType;

    /// <summary>True in a module's helper rather than a forward pass: only creations count there (see <see cref="ReportCreation"/>).</summary>
    public bool IsInHelper => helpers is not null;

    /// <summary>Cancels the analysis.</summary>
    public CancellationToken CancellationToken => context.CancellationToken;

    /// <summary>Reports <paramref name="diagnostic"/> (for rules that look at forward passes only, not at <see cref="IsInHelper"/> operations).</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => context.ReportDiagnostic(diagnostic);

    /// <summary>
    /// Reports <paramref name="rule"/> at <see cref="Operation"/> with the arguments <c>{0}</c> =
    /// <paramref name="created"/> and <c>{1}</c> = the forward pass. In a helper the finding is held, and reported
    /// with <paramref name="throughHelperRule"/> at the compilation's end if a forward pass calls the helper.
    /// </summary>
    public void ReportCreation(DiagnosticDescriptor rule, DiagnosticDescriptor throughHelperRule, string created)
    {
        if (helpers is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(rule, Operation.Syntax.GetLocation(), created, Method.Name));
        }
        else
        {
            helpers.Defer(throughHelperRule, Method, created, Operation.Syntax.GetLocation());
        }
    }
}
