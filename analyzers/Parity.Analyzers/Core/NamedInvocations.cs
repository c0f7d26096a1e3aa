using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Parity.Analyzers.Core;

/// <summary>
/// Finds the invocations of a few method names in a span of a tree by searching the source text, so a rule
/// about those names never walks (or has the host walk) the syntax of everything else.
/// </summary>
/// <remarks>
/// Each hit of a name in the text is checked against the token there, so hits inside longer identifiers,
/// comments and strings are dropped.
/// </remarks>
internal static class NamedInvocations
{
    /// <summary>
    /// The invocations in <paramref name="span"/> of <paramref name="root"/> whose callee is one of
    /// <paramref name="names"/>: <c>m.Name(x)</c>, <c>m?.Name(x)</c>, <c>Name(x)</c>, <c>Name&lt;T&gt;(x)</c>.
    /// </summary>
    public static IEnumerable<InvocationExpressionSyntax> In(SyntaxNode root, SourceText text, TextSpan span, ImmutableHashSet<string> names)
    {
        if (!TryFindNames(text, span, names, out var positions))
        {
            // An identifier may spell a character as \uXXXX or hold a formatting character its name leaves out; the
            // text then need not hold the name, so such a span is read from syntax instead (rare, and exact either way).
            return root.DescendantNodes(span).OfType<InvocationExpressionSyntax>()
                .Where(invocation => InvokedNames.Of(invocation) is { } invoked && names.Contains(invoked));
        }

        var tokens = new TokenCursor(root);
        return positions
            .Select(hit => tokens.FindToken(hit.Position) is var token && token.ValueText == hit.Name && token.Parent is SimpleNameSyntax name
                ? InvokedNames.InvocationCalling(name)
                : null)
            .OfType<InvocationExpressionSyntax>();
    }

    // False when the span may hide a name (IdentifierSpelling.MayHideNames).
    private static bool TryFindNames(SourceText text, TextSpan span, ImmutableHashSet<string> names, out List<(int Position, string Name)> positions)
    {
        positions = new List<(int Position, string Name)>();
        using var copy = new PooledText(text, span);
        var chars = copy.Span;
        if (IdentifierSpelling.MayHideNames(chars))
        {
            return false;
        }

        foreach (var name in names)
        {
            for (var offset = 0; offset < chars.Length;)
            {
                var at = chars.Slice(offset).IndexOf(name.AsSpan());
                if (at < 0)
                {
                    break;
                }

                positions.Add((span.Start + offset + at, name));
                offset += at + name.Length;
            }
        }

        return true;
    }
}
