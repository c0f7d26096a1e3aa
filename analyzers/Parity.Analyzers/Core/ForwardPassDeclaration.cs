using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>A forward pass's declaration, its symbol and its call sites (read from syntax on first use).</summary>
internal sealed class ForwardPassDeclaration
{
    private ImmutableArray<CallSite> callSites;

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

    /// <summary>The forward pass's calls and creations (<see cref="Core.CallSites"/>), shared by the rules that filter on them.</summary>
    public ImmutableArray<CallSite> CallSites
    {
        get
        {
            if (callSites.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref callSites, Core.CallSites.Of(Syntax).ToImmutableArray());
            }

            return callSites;
        }
    }
}
