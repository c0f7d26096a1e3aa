using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// The cursor must find the token <see cref="SyntaxNode.FindToken"/> on the whole node finds, at every
/// position and whatever the order positions come in; the expected tokens come from the node itself.
/// </summary>
[TestFixture]
public sealed class TokenCursorTests
{
    [TestCaseSource(typeof(SourceSamples), nameof(SourceSamples.CorpusAndStubs))]
    public void Every_position_of_every_method_finds_the_token_the_method_finds((string Path, string Source) sample)
    {
        var root = CSharpSyntaxTree.ParseText(sample.Source, path: sample.Path).GetRoot();
        var methods = root.DescendantNodes().OfType<BaseMethodDeclarationSyntax>().ToList();
        Assert.That(methods, Is.Not.Empty, "the sample declares no method to search");

        foreach (var method in methods)
        {
            var span = method.FullSpan;
            var positions = Enumerable.Range(span.Start, span.Length).ToList();
            AssertSameTokens(method, positions, "in order");
            positions.Reverse();
            AssertSameTokens(method, positions, "backwards");
            var random = new Random(span.Start);
            AssertSameTokens(method, positions.OrderBy(_ => random.Next()).ToList(), "shuffled");
        }
    }

    [Test]
    public void A_whole_file_is_searched_from_its_root_too()
    {
        var root = CSharpSyntaxTree.ParseText("""
            namespace N { class A { int F() => 1; } /* note */ class B { void G() { var x = new A(); } } }
            """).GetRoot();
        var positions = Enumerable.Range(0, root.FullSpan.Length).ToList();
        AssertSameTokens(root, positions, "in order");
        var random = new Random(7);
        AssertSameTokens(root, positions.OrderBy(_ => random.Next()).ToList(), "shuffled");
    }

    private static void AssertSameTokens(SyntaxNode region, List<int> positions, string order)
    {
        var cursor = new TokenCursor(region);
        foreach (var position in positions)
        {
            var expected = region.FindToken(position);
            var found = cursor.FindToken(position);
            Assert.That(found, Is.EqualTo(expected), $"position {position} ({order}) of {region.GetType().Name} at {region.SpanStart}");
        }
    }
}
