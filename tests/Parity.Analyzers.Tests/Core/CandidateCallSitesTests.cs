using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// The text scan that finds a forward pass's candidate call sites must find exactly what walking the syntax
/// finds, narrowed to the same names: the rules trust it to never lose a site. The expected sites come from
/// the walk (<see cref="CallSites.Of"/>), which the filter tests pin against the fully bound rules.
/// </summary>
[TestFixture]
public sealed class CandidateCallSitesTests
{
    // Every way a call can be written next to its argument list, and text that only looks like a call.
    private const string Tricky = """"
        using System;
        using D = Parity.Nn.Dense;

        class Tricky
        {
            Func<int, int>[] fs;
            Func<int, Func<int, int>> curry;
            Action a;

            int Forms(int x, int y = Dense(1) + 2)
            {
                x = Dense(x) + this.Dense(x) + base.GetHashCode() + Tricky.Dense(x) + @Dense(x) + (Dense)(x) + (this.Dense)(x);
                x = Dense<int>(x) + this?.Dense(x) ?? 0;
                x = fs[0](x) + fs [1] (x) + curry(1)(x) + curry(1) (x) + (fs[0])(x) + fs[0]!(x);
                x = fs[0] /* gap */ (x) + fs[0]
                    (x) + fs[0] // a comment ending in a name
                    (x);
                x = fs[0]
        #if DEBUG
                    (x);
        #else
                    (x + 1);
        #endif
                var o = new object() ?? new(x) ?? new D(x) ?? new Parity.Nn.Dense(x) ?? new Box<Dense>(x);
                var p = new (int, int)() ?? new int?() ?? new int[3] ?? new[] { x } ?? new { X = x };
                var q = new /* gap */ (x) ?? new
                    (x) ?? new // comment
                    (x);
                var r = new Parity.Nn.Dense { } ?? new D
                    { } ?? new Parity.Nn.Dense /* gap */ (x) ?? (object)Dense /* gap */ (x) ?? Dense
        #if DEBUG
                    (x);
        #else
                    (x + 1);
        #endif
                var s = "Dense(x) fs[0](x) new(x)" + $"{Dense(x)}({x})" + @"Dense(x)" + """Dense(x)""" + 'D' + "\\" + (x);
                // Dense(x) new(x) fs[0](x)
                /* Dense(x) */ x = DenseLike(x) + xDense(x) + Dense2(x);
                x = (int)(x) + (x)(x) + x++ + x-- - (x) * (x) / (x) % (x) ^ (x) & (x) | (x);
                x = x > (x) ? (x) : x < (x) ? ~(x) : !(x > 0) ? 1 : 0;
                a?.Invoke();
                a!();
                x = nameof(Dense).Length + typeof(Tricky).Name.Length + sizeof(int) + default(int) + checked(x + 1);
                int Local(int v) => Dense(v) + fs[0](v);
                Func<int, int> lambda = v => Dense(v) + fs[0](v);
                return Local(x) + lambda(x) + 1.5f.GetHashCode() + 0x1F.GetHashCode() + "s"u8.Length;
            }

            int Expression(int x) => fs[x](Dense(x)) + new Tricky().Forms(x);

            static int Dense(int x) => x;
            static int Dense<T>(T x) => 0;
            static int DenseLike(int x) => x;
            static int xDense(int x) => x;
            static int Dense2(int x) => x;
        }

        class Box<T> { public Box(int x) { } }
        """";

    // Parses, but does not compile: callees that are not methods.
    private const string Invalid = """"
        class Broken
        {
            void M(int x)
            {
                this(x); base(x); null(x); true(x); 1(x); 1.5f(x); 0x1F(x); "s"(x); 's'(x); "s"u8(x);
                x++(x); x--(x); new int()(x); new Box<int>() { }(x); new[] { x }[0](x); (x, x)(x);
            }
        }
        """";

    private static IEnumerable<TestCaseData> Sources()
    {
        yield return new TestCaseData("Tricky.cs", Tricky).SetArgDisplayNames("Tricky.cs");
        yield return new TestCaseData("Invalid.cs", Invalid).SetArgDisplayNames("Invalid.cs");
        foreach (var (path, source) in SourceSamples.CorpusAndStubs())
        {
            yield return new TestCaseData(path, source).SetArgDisplayNames(path);
        }
    }

    [TestCaseSource(nameof(Sources))]
    public void Scan_FindsWhatTheWalkFinds_ForEveryNameHalfOfThemAndAFew(string path, string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: path);
        var identifiers = SourceSamples.Identifiers(tree);
        Assert.That(identifiers, Is.Not.Empty);
        // Every name, half of them, and the few that start with three letters (most identifiers then start
        // with a letter no name starts with, and are skipped without a lookup).
        var fewFirstLetters = identifiers.Where(name => name[0] is 'D' or 'L' or 'f').ToList();
        foreach (var names in new[] { identifiers, identifiers.Where((_, i) => i % 2 == 0).ToList(), fewFirstLetters })
        {
            Assert.That(AssertScanMatchesWalk(tree, new NameTable(names), names.ToHashSet(StringComparer.Ordinal), requireScan: true), Is.GreaterThan(0));
        }
    }

    [TestCaseSource(nameof(Sources))]
    public void Scan_FindsWhatTheWalkFinds_InSeededMutations(string path, string source)
    {
        // Broken code while typing: characters and lines cut, brackets and parentheses dropped or doubled.
        var identifiers = SourceSamples.Identifiers(CSharpSyntaxTree.ParseText(source));
        var names = identifiers.Where((_, i) => i % 3 != 1).ToList();
        var table = new NameTable(names);
        var set = names.ToHashSet(StringComparer.Ordinal);
        var random = new Random(path.Length * 7919 + source.Length);
        var scanned = 0;
        for (var round = 0; round < 200; round++)
        {
            var mutated = SourceMutations.Mutate(source, random);
            scanned += AssertScanMatchesWalk(CSharpSyntaxTree.ParseText(mutated, path: path), table, set, requireScan: false);
        }

        // A mutant with a syntax error in a method is walked, not scanned; enough must still parse to test anything.
        Assert.That(scanned, Is.GreaterThan(0));
    }

    [TestCase("int M(int x) => G\\u0065t(x);", false)]
    [TestCase("int M(int x) { var é = x; return G(é); }", false)]
    [TestCase("int M(int x) => global::System.Math.Abs(G(x));", false)]
    [TestCase("int M(int x) { return G(x); } // text after the body is not scanned: ü", true)]
    public void TextTheScanCannotRead_FallsBackToTheWalk(string method, bool scanned)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { " + method + " int G(int x) => x; }");
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        var names = new NameTable(new[] { "Get", "G" });
        Assert.That(CandidateCallSites.Scan(declaration, names, CancellationToken.None).HasValue, Is.EqualTo(scanned));
        Assert.That(Describe(CandidateCallSites.Of(declaration, names, CancellationToken.None)), Is.EquivalentTo(Describe(Walk(declaration, names.Contains))));
    }

    [Test]
    public void NameTable_FindsWholeNamesOnly()
    {
        var table = new NameTable(new[] { "Dense", "Conv2D", "Dense" });
        var text = "xDense Dense Dens Dense2 Conv2D".ToCharArray();
        Assert.Multiple(() =>
        {
            Assert.That(table.Find(text, 1, 5), Is.EqualTo("Dense"));
            Assert.That(table.Find(text, 7, 5), Is.EqualTo("Dense"));
            Assert.That(table.Find(text, 13, 4), Is.Null);
            Assert.That(table.Find(text, 18, 6), Is.Null);
            Assert.That(table.Find(text, 25, 6), Is.EqualTo("Conv2D"));
            Assert.That(table.Contains("Dense"), Is.True);
            Assert.That(table.Contains("dense"), Is.False);
            Assert.That(table.MayStartWith('D') && table.MayStartWith('C'), Is.True);
            Assert.That(table.MayStartWith('d') || table.MayStartWith('x') || table.MayStartWith('_'), Is.False);
        });
    }

    // Returns how many methods were scanned (the rest fell back to the walk).
    private static int AssertScanMatchesWalk(SyntaxTree tree, NameTable table, HashSet<string> names, bool requireScan)
    {
        var count = 0;
        foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            var expected = Describe(Walk(method, names.Contains));
            var scanned = CandidateCallSites.Scan(method, table, CancellationToken.None);
            if (requireScan)
            {
                Assert.That(scanned.HasValue, Is.True, $"{tree.FilePath}: {method.Identifier.ValueText} should be scanned, not walked ({string.Join("; ", method.GetDiagnostics())})");
            }

            if (scanned is { } sites)
            {
                Assert.That(Describe(sites), Is.EquivalentTo(expected), $"{tree.FilePath}: {method.Identifier.ValueText}\n{method}");
                count++;
            }
        }

        return count;
    }

    private static IEnumerable<CallSite> Walk(MethodDeclarationSyntax method, Func<string, bool> isName)
        => CallSites.Of(method).Where(site => site.Name is null || isName(site.Name));

    private static List<string> Describe(IEnumerable<CallSite> sites)
        => sites.Select(site => $"{site.Node.Kind()} {site.Node.Span} {site.Name ?? "<no name>"}").ToList();
}
