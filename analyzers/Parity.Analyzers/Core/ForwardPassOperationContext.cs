using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>
/// One operation of a forward pass handed to a rule by <see cref="ForwardPassScope"/>: the rule's view of
/// what an operation action would have given it, without asking the host for every method's operations.
/// </summary>
internal readonly struct ForwardPassOperationContext
{
    private readonly SyntaxNodeAnalysisContext declaration;

    /// <summary>Creates the context of <paramref name="operation"/> inside <paramref name="forwardPass"/>.</summary>
    public ForwardPassOperationContext(IOperation operation, IMethodSymbol forwardPass, SyntaxNodeAnalysisContext declaration)
    {
        Operation = operation;
        ForwardPass = forwardPass;
        this.declaration = declaration;
    }

    /// <summary>The operation to analyze.</summary>
    public IOperation Operation { get; }

    /// <summary>The forward pass whose body holds <see cref="Operation"/>.</summary>
    public IMethodSymbol ForwardPass { get; }

    /// <summary>Cancels the analysis of the forward pass.</summary>
    public CancellationToken CancellationToken => declaration.CancellationToken;

    /// <summary>Reports <paramref name="diagnostic"/> for the forward pass's declaration.</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => declaration.ReportDiagnostic(diagnostic);
}
