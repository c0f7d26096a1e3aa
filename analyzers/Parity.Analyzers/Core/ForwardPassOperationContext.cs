using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Core;

/// <summary>
/// One operation of a forward pass handed to a rule by <see cref="ForwardPassScope"/>: the rule's view of
/// what an operation action would have given it, without asking the host for every method's operations.
/// </summary>
internal readonly struct ForwardPassOperationContext
{
    private readonly Action<Diagnostic> report;

    /// <summary>Creates the context of <paramref name="operation"/> inside <paramref name="forwardPass"/>.</summary>
    public ForwardPassOperationContext(IOperation operation, IMethodSymbol forwardPass, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Operation = operation;
        ForwardPass = forwardPass;
        this.report = report;
        CancellationToken = cancellationToken;
    }

    /// <summary>The operation to analyze.</summary>
    public IOperation Operation { get; }

    /// <summary>The forward pass whose body holds <see cref="Operation"/>.</summary>
    public IMethodSymbol ForwardPass { get; }

    /// <summary>Cancels the analysis of the forward pass.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Reports <paramref name="diagnostic"/> for the forward pass's declaration.</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => report(diagnostic);
}
