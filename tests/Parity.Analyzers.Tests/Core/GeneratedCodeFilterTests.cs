using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;
using Parity.Analyzers.Tests.Verification;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// Parity's analyzers drop reports inside <c>[GeneratedCode]</c> declarations themselves
/// (<see cref="GeneratedCode"/>) instead of leaving it to the host. The oracle is the host: one probe analyzer
/// that asks the host to skip generated code reports at every node of every file, another that keeps its
/// reports and filters them through <see cref="GeneratedCode.Report"/>; both must keep the same reports.
/// </summary>
[TestFixture]
public sealed class GeneratedCodeFilterTests
{
    // Every place the attribute can stand, and the arrangements the host treats specially: partial types (in
    // one file or two), fields with several variables, accessors, local functions, an alias of the attribute.
    private const string Arrangements = """
        using System;
        using System.CodeDom.Compiler;
        using Gen = System.CodeDom.Compiler.GeneratedCodeAttribute;

        [GeneratedCode("t", "1")]
        class MarkedType
        {
            int field = 1;
            int Method() { int Local() => field; return Local(); }
            class Nested { int Inner() => 2; }
        }

        class Members
        {
            [GeneratedCode("t", "1")] int a = 1, b = 2;
            int c = 3;
            [GeneratedCode("t", "1")] int Marked() => a + b;
            int Plain() => c;
            int Property { [GeneratedCode("t", "1")] get => c; set => c = value; }
            [GeneratedCode("t", "1")] event Action Happened { add { } remove { } }
            int WithLocal() { [GeneratedCode("t", "1")] int Local() => c; return Local() + c; }
            [Gen("t", "1")] int Aliased() => c;
            [GeneratedCode("t", "1")] Members() { c = 4; }
        }

        [GeneratedCode("t", "1")]
        partial class SplitInOneFile { int First() => 1; }
        partial class SplitInOneFile { int Second() => 2; }

        partial class SplitAcrossFiles { int Here() => 3; }

        [GeneratedCode("t", "1")]
        enum Kind { A, B }

        [GeneratedCode("t", "1")]
        delegate int Producer(int x);

        class Outer
        {
            [GeneratedCode("t", "1")]
            class Middle { class Inner { int Deep() => 5; } }
        }
        """;

    private const string OtherPart = """
        [System.CodeDom.Compiler.GeneratedCode("t", "1")]
        partial class SplitAcrossFiles { int There() => 4; }
        """;

    private const string NamesItOnlyInAComment = """
        // GeneratedCode
        class Plain { [System.CodeDom.Compiler.GeneratedCodeAttribute("t", "1")] int M() => 1; int N() => 2; }
        """;

    private static IEnumerable<TestCaseData> Sources()
    {
        yield return new TestCaseData(new[] { ("Arrangements.cs", Arrangements), ("OtherPart.cs", OtherPart) }).SetArgDisplayNames("arrangements");
        yield return new TestCaseData(new[] { ("Comment.cs", NamesItOnlyInAComment) }).SetArgDisplayNames("comment");
        foreach (var resource in TestReferences.ResourceNames("Corpus/"))
        {
            yield return new TestCaseData(new[] { (resource, TestReferences.ReadResource(resource)) }).SetArgDisplayNames(resource);
        }
    }

    [TestCaseSource(nameof(Sources))]
    public async Task KeepsTheReportsTheHostKeeps((string Path, string Source)[] sources)
    {
        var compilation = AnalysisRunner.Compile(sources);
        var byHost = await Locations(compilation, new EverywhereAnalyzer(filterItself: false));
        var byParity = await Locations(compilation, new EverywhereAnalyzer(filterItself: true));
        Assert.That(byParity, Is.EquivalentTo(byHost));
        Assert.That(byHost, Is.Not.Empty);
    }

    [Test]
    public async Task KeepsTheReportsTheHostKeeps_InSeededMutations()
    {
        // Broken code while typing: the attribute's name cut, brackets dropped, declarations merged.
        var random = new System.Random(Arrangements.Length);
        for (var round = 0; round < 40; round++)
        {
            var compilation = AnalysisRunner.Compile(new[] { ("Arrangements.cs", SourceMutations.Mutate(Arrangements, random)), ("OtherPart.cs", OtherPart) });
            var byHost = await Locations(compilation, new EverywhereAnalyzer(filterItself: false));
            var byParity = await Locations(compilation, new EverywhereAnalyzer(filterItself: true));
            Assert.That(byParity, Is.EquivalentTo(byHost), $"mutant {round}");
        }
    }

    [Test]
    public async Task TheHostDropsSomeReportsInTheArrangements()
    {
        // Otherwise the comparison above could pass with a filter that never drops anything.
        var compilation = AnalysisRunner.Compile(new[] { ("Arrangements.cs", Arrangements), ("OtherPart.cs", OtherPart) });
        var all = await Locations(compilation, new EverywhereAnalyzer(filterItself: true, filter: false));
        var kept = await Locations(compilation, new EverywhereAnalyzer(filterItself: false));
        Assert.That(kept.Count, Is.LessThan(all.Count).And.GreaterThan(all.Count / 4));
    }

    private static async Task<List<string>> Locations(Compilation compilation, DiagnosticAnalyzer analyzer)
        => (await AnalysisRunner.AnalyzeAsync(compilation, ImmutableArray.Create(analyzer)))
            .Select(d => $"{d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan}").ToList();

    // Reports at every node of every file, so every declaration's inside and outside is asked about. Not
    // registered with [DiagnosticAnalyzer]: it exists only to be handed to the runner directly.
    private sealed class EverywhereAnalyzer(bool filterItself, bool filter = true) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0002", "Here", "Here", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(filterItself ? GeneratedCode.Flags : GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSemanticModelAction(model =>
            {
                foreach (var node in model.SemanticModel.SyntaxTree.GetRoot(model.CancellationToken).DescendantNodes())
                {
                    var diagnostic = Diagnostic.Create(Rule, node.GetLocation());
                    if (filterItself && filter)
                    {
                        GeneratedCode.Report(model, diagnostic);
                    }
                    else
                    {
                        model.ReportDiagnostic(diagnostic);
                    }
                }
            });
        }
    }
}
