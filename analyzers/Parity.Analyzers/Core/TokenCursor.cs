using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Core;

/// <summary>
/// Finds the tokens at a series of positions inside one node, each search starting from the nearest node
/// around the previous token that also holds the new position rather than from the top.
/// </summary>
/// <remarks>
/// <para>The text searches check every hit against the token there. Asked of a method body,
/// <see cref="SyntaxNode.FindToken"/> descends through the block, the statement and every expression level
/// on each call; hits lie close together, so most of each descent repeated the one before. That descent was
/// the largest single cost of reading a forward pass's call sites.</para>
/// <para>The token found is the one <see cref="SyntaxNode.FindToken"/> on the whole node gives: the full
/// spans of a tree's tokens tile its text, so exactly one token's full span holds a position, whichever
/// ancestor the search starts from. Positions may come in any order; one far from the previous costs at most
/// the climb back to the top.</para>
/// </remarks>
internal sealed class TokenCursor
{
    private readonly SyntaxNode region;
    private SyntaxNode? near;

    /// <summary>A cursor over the tokens of <paramref name="region"/>.</summary>
    public TokenCursor(SyntaxNode region) => this.region = region;

    /// <summary>The token whose full span holds <paramref name="position"/>, which must lie in the region's full span.</summary>
    public SyntaxToken FindToken(int position)
    {
        var start = near ?? region;
        while (start != region && !start.FullSpan.Contains(position))
        {
            start = start.Parent!;
        }

        var token = start.FindToken(position);
        near = token.Parent;
        return token;
    }
}
