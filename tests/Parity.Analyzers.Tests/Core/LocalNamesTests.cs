using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// Whether a member declares a name is found by searching its text; the answer must be the one walking its
/// syntax gives, since a name wrongly taken for a member's field would clear a creation that should be
/// reported. The expected answers come from the walk (<see cref="LocalNames.DeclaresByWalk"/>).
/// </summary>
[TestFixture]
public sealed class LocalNamesTests
{
    // Every kind of declaration a member can hold, next to the same names used, commented, quoted and
    // embedded in longer names.
    private const string Declarations = """"
        using System;
        using System.Linq;

        class Declarations
        {
            object dense, conv, head, pool, item, error, square, pair, left, right, group, word, total, @fixed;

            int All(int dense, int x = 1)
            {
                var conv = dense + x;                      // conv declared; "head" only in this comment
                object boxed = conv;
                if (boxed is int head) { x += head; }
                if (boxed is int) { x += 1; }
                foreach (var item in new[] { 1, 2 }) { x += item; }
                foreach (var (left, right) in new[] { (1, 2) }) { x += left + right; }
                try { x++; } catch (Exception error) when (error.Message != "pool") { x--; }
                int square(int v) => v * v;
                Func<int, int> twice = v => v * 2, thrice = (int w) => w * 3;
                var (pair, _) = (1, 2);
                var words = from word in new[] { "a" } let total = word.Length group word by total into g select g.Key;
                _ = int.TryParse("1", out var parsed) ? parsed : 0;
                var denseLayer = 2; var xpool = 3; var @fixed = 4;
                return square(x) + twice(x) + thrice(pair) + denseLayer + xpool + @fixed + words.Count();
            }

            object Uses() => dense ?? conv ?? head ?? pool ?? item ?? error ?? square ?? pair ?? group ?? word ?? total;
        }

        class Primary(int pool)
        {
            int Uses() => pool;
        }
        """";

    private static IEnumerable<TestCaseData> Sources()
    {
        yield return new TestCaseData("Declarations.cs", Declarations).SetArgDisplayNames("Declarations.cs");
        foreach (var (path, source) in SourceSamples.CorpusAndStubs())
        {
            yield return new TestCaseData(path, source).SetArgDisplayNames(path);
        }
    }

    [TestCaseSource(nameof(Sources))]
    public void TextSearch_AnswersAsTheWalkDoes_ForEveryMemberAndName(string path, string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: path);
        var (declared, searched) = AssertSearchMatchesWalk(tree, requireSearch: true);
        Assert.That(declared, Is.GreaterThan(0), "no member declares any of the names, so the comparison shows nothing");
        Assert.That(searched, Is.GreaterThan(declared));
    }

    [TestCaseSource(nameof(Sources))]
    public void TextSearch_AnswersAsTheWalkDoes_InSeededMutations(string path, string source)
    {
        var random = new Random(path.Length * 7907 + source.Length);
        var searched = 0;
        for (var round = 0; round < 100; round++)
        {
            searched += AssertSearchMatchesWalk(CSharpSyntaxTree.ParseText(SourceMutations.Mutate(source, random), path: path), requireSearch: false).Searched;
        }

        Assert.That(searched, Is.GreaterThan(0));
    }

    [Test]
    public void Declarations_AreFound_AndUsesCommentsStringsAndLongerNamesAreNot()
    {
        var tree = CSharpSyntaxTree.ParseText(Declarations);
        var all = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "All");
        var uses = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Uses" && m.Parent is ClassDeclarationSyntax { Identifier.ValueText: "Declarations" });
        var declared = new[] { "dense", "conv", "head", "item", "left", "right", "error", "square", "twice", "v", "w", "pair", "word", "total", "g", "parsed", "fixed" };
        var notDeclared = new[] { "pool", "group", "x2", "dens", "Dense", "boxed2" };
        Assert.Multiple(() =>
        {
            foreach (var name in declared)
            {
                Assert.That(LocalNames.IsDeclared(name, all), Is.True, name);
            }

            foreach (var name in notDeclared)
            {
                Assert.That(LocalNames.IsDeclared(name, all), Is.False, name);
            }

            Assert.That(declared.Any(name => LocalNames.IsDeclared(name, uses)), Is.False);
        });
    }

    [TestCase("int M() { var d\\u0065nse = 1; return dense; }", null, true)]
    [TestCase("int M() { var d\u00ADense = 1; return dense; }", null, true)]
    [TestCase("int M() { var é = 1; return é; } // dense", false, false)]
    [TestCase("int M() { var édense = 1; /* déjà */ return dense + édense; }", false, false)]
    [TestCase("int M() { var d\u200Dense = 1; return dense; }", null, true)]
    [TestCase("int M() { var dense = 1; return dense; }", true, true)]
    [TestCase("int M() { return dense; } // no declaration: \\u0041 after the member is not read", false, false)]
    public void TextThatMayHideTheName_FallsBackToTheWalk(string method, bool? fromText, bool declared)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { int dense; " + method + " }");
        var member = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(LocalNames.DeclaresFromText("dense", member), Is.EqualTo(fromText));
            Assert.That(LocalNames.IsDeclared("dense", member), Is.EqualTo(declared));
            Assert.That(LocalNames.DeclaresByWalk("dense", member), Is.EqualTo(declared));
        });
    }

    // Every member with a body, asked about every identifier of the tree. Returns how many answers were
    // "declared" and how many came from the text search rather than the walk.
    private static (int Declared, int Searched) AssertSearchMatchesWalk(SyntaxTree tree, bool requireSearch)
    {
        var names = SourceSamples.Identifiers(tree);
        int declared = 0, searched = 0;
        foreach (var member in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
        {
            foreach (var name in names)
            {
                var expected = LocalNames.DeclaresByWalk(name, member);
                var fromText = LocalNames.DeclaresFromText(name, member);
                if (requireSearch)
                {
                    Assert.That(fromText.HasValue, Is.True, $"{tree.FilePath}: {member} should be searched, not walked");
                }

                if (fromText is { } answer)
                {
                    Assert.That(answer, Is.EqualTo(expected), $"{tree.FilePath}: does this member declare '{name}'?\n{member}");
                    searched++;
                }

                declared += expected ? 1 : 0;
            }
        }

        return (declared, searched);
    }
}
