using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>A forward pass's declaration, its symbol and its candidate call sites (found on first use).</summary>
internal sealed class ForwardPassDeclaration
{
    private ImmutableArray<CallSite> candidateSites;

    /// <summary>Creates the declaration of <paramref name="symbol"/>.</summary>
    public ForwardPassDeclaration(MethodDeclarationSyntax syntax, IMethodSymbol symbol)
    {
        Syntax = syntax;
        Symbol = symbol;
    }

    /// <summary>The method declaration.</summary>
    public MethodDeclarationSyntax Syntax { get; }

    /// <summary>The forward pass.</summary>
    public IMethodSymbol Symbol { get; }

    /// <summary>
    /// The calls and creations a rule may have to look at (<see cref="CandidateCallSites"/>): the others use a
    /// name no rule's filter holds. Shared by the rules that filter on them.
    /// </summary>
    public ImmutableArray<CallSite> CandidateSites(DeclarationIndex index, CancellationToken cancellationToken)
    {
        if (candidateSites.IsDefault)
        {
            ImmutableInterlocked.InterlockedInitialize(ref candidateSites, CandidateCallSites.Of(Syntax, index.CandidateNames, cancellationToken));
        }

        return candidateSites;
    }
}
