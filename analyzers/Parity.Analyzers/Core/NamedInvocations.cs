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
    public static IEnumerable<InvocationExpressionSyntax> In(SyntaxNode root, string text, TextSpan span, ImmutableHashSet<string> names)
    {
        // An identifier may spell a character as \uXXXX; the text then need not hold the name, so such a span
        // is read from syntax instead (rare, and exact either way).
        if (IndexOf(text, "\\u", span.Start, span.End) >= 0 || IndexOf(text, "\\U", span.Start, span.End) >= 0)
        {
            foreach (var invocation in root.DescendantNodes(span).OfType<InvocationExpressionSyntax>())
            {
                if (InvokedNames.Of(invocation) is { } invoked && names.Contains(invoked))
                {
                    yield return invocation;
                }
            }

            yield break;
        }

        foreach (var name in names)
        {
            for (var at = IndexOf(text, name, span.Start, span.End); at >= 0; at = IndexOf(text, name, at + name.Length, span.End))
            {
                if (Invoking(root.FindToken(at), name) is { } invocation)
                {
                    yield return invocation;
                }
            }
        }
    }

    private static int IndexOf(string text, string name, int start, int end)
        => end - start < name.Length ? -1 : text.IndexOf(name, start, end - start, StringComparison.Ordinal);

    /// <summary>The invocation whose callee is <paramref name="token"/>, if any.</summary>
    private static InvocationExpressionSyntax? Invoking(SyntaxToken token, string name)
    {
        if (token.ValueText != name || token.Parent is not SimpleNameSyntax simpleName)
        {
            return null;
        }

        ExpressionSyntax callee = simpleName.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == simpleName => access,
            MemberBindingExpressionSyntax binding when binding.Name == simpleName => binding,
            _ => simpleName,
        };
        while (callee.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            callee = parenthesized;
        }

        return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
    }
}
