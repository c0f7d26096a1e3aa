using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>One operation of a forward pass handed to a rule by <see cref="ForwardPassScope"/>, with the forward pass it lies in.</summary>
internal readonly struct ForwardPassOperationContext
{
    private readonly OperationAnalysisContext context;

    /// <summary>Wraps the host's <paramref name="context"/> for an operation of <paramref name="forwardPass"/>.</summary>
    public ForwardPassOperationContext(OperationAnalysisContext context, IMethodSymbol forwardPass)
    {
        this.context = context;
        ForwardPass = forwardPass;
    }

    /// <summary>The operation to analyze.</summary>
    public IOperation Operation => context.Operation;

    /// <summary>The forward pass whose body holds <see cref="Operation"/>.</summary>
    public IMethodSymbol ForwardPass { get; }

    /// <summary>Cancels the analysis.</summary>
    public CancellationToken CancellationToken => context.CancellationToken;

    /// <summary>Reports <paramref name="diagnostic"/>.</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => context.ReportDiagnostic(diagnostic);
}
