using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Parity.Analyzers.Package.Tests.Robustness;

/// <summary>
/// Breaks source text the way half-typed code in an editor is broken: tokens deleted, lines cut or
/// dropped, braces unbalanced, identifiers swapped. The same seed always gives the same mutation.
/// </summary>
internal static class SourceMutator
{
    private static readonly (string Name, Func<string, Random, string> Apply)[] Operations =
    {
        ("delete token", DeleteToken),
        ("cut line", CutLine),
        ("delete line", DeleteLine),
        ("unbalance braces", UnbalanceBraces),
        ("swap identifiers", SwapIdentifiers),
    };

    /// <summary>Applies one to three seeded edits to <paramref name="source"/>.</summary>
    public static Mutation Mutate(string source, int seed)
    {
        var random = new Random(seed);
        var text = source;
        var applied = new List<string>();
        for (var count = random.Next(1, 4); count > 0; count--)
        {
            var (name, apply) = Operations[random.Next(Operations.Length)];
            text = apply(text, random);
            applied.Add(name);
        }

        return new Mutation(seed, text, applied);
    }

    private static string DeleteToken(string text, Random random)
    {
        var tokens = Tokens(text).ToList();
        if (tokens.Count == 0)
        {
            return text;
        }

        var token = tokens[random.Next(tokens.Count)];
        return text.Remove(token.SpanStart, token.Span.Length);
    }

    private static string CutLine(string text, Random random)
    {
        var lines = SourceText.From(text).Lines;
        var line = lines[random.Next(lines.Count)];
        if (line.Span.Length == 0)
        {
            return text;
        }

        var cutAt = line.Start + random.Next(line.Span.Length);
        return text.Remove(cutAt, line.End - cutAt);
    }

    private static string DeleteLine(string text, Random random)
    {
        var lines = SourceText.From(text).Lines;
        var line = lines[random.Next(lines.Count)];
        return text.Remove(line.Start, line.EndIncludingLineBreak - line.Start);
    }

    // Either drops a closing brace (the rest of the file falls into the open block) or opens one
    // that is never closed.
    private static string UnbalanceBraces(string text, Random random)
    {
        var tokens = Tokens(text).ToList();
        var closers = tokens.Where(t => t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
        if (closers.Count > 0 && random.Next(2) == 0)
        {
            var closer = closers[random.Next(closers.Count)];
            return text.Remove(closer.SpanStart, closer.Span.Length);
        }

        var position = tokens.Count == 0 ? 0 : tokens[random.Next(tokens.Count)].SpanStart;
        return text.Insert(position, "{ ");
    }

    private static string SwapIdentifiers(string text, Random random)
    {
        var identifiers = Tokens(text).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        if (identifiers.Count < 2)
        {
            return text;
        }

        var first = identifiers[random.Next(identifiers.Count)];
        var second = identifiers[random.Next(identifiers.Count)];
        if (first.SpanStart > second.SpanStart)
        {
            (first, second) = (second, first);
        }

        if (first.SpanStart == second.SpanStart)
        {
            return text;
        }

        // Replace the later one first so the earlier span stays valid.
        return text
            .Remove(second.SpanStart, second.Span.Length).Insert(second.SpanStart, first.Text)
            .Remove(first.SpanStart, first.Span.Length).Insert(first.SpanStart, second.Text);
    }

    private static IEnumerable<SyntaxToken> Tokens(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0);
}

/// <summary>A mutated source, the seed that made it, and the edits applied in order.</summary>
internal sealed record Mutation(int Seed, string Text, IReadOnlyList<string> Operations);
