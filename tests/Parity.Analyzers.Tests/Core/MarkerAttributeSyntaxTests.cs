using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Parity.Analyzers.Core;
using Parity.Analyzers.Tests.Verification;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// The declaration index asks a source type for its members only when <see cref="MarkerAttributeSyntax"/>
/// says from syntax that one of its methods may carry a marker; a type wrongly passed over would drop a
/// marked helper's name, and calls of it would never be checked. The expected answer comes from the symbols:
/// every type with a method whose attributes bind to a marker.
/// </summary>
[TestFixture]
public sealed class MarkerAttributeSyntaxTests
{
    // Types named Marked* have a marked method however the marker is spelled; types named Plain* carry
    // attributes that only look like markers, or markers where they mark no method of the type.
    private const string Spellings = """
        using System;
        using Parity;
        using FP = Parity.ForwardPassAttribute;
        using LayerMakerAttribute = Parity.CreatesLayerAttribute;
        using P = Parity;

        class MarkedByShortName { [CreatesVariable] static object V() => null; }
        class MarkedByFullName { [Parity.CreatesLayerAttribute] static object L() => null; }
        class MarkedByGlobalName { [global::Parity.ScopedLayer] static object S(string name) => null; }
        class MarkedByAlias { [FP] void Run() { } }
        class MarkedByAliasWithoutSuffix { [LayerMaker] static object L() => null; }
        class MarkedByAliasQualifiedName { [P::CreatesTemplate] static object T() => null; }
        class MarkedByEscape { [\u0043reatesLayer] static object L() => null; }
        class MarkedByVerbatimName { [@CreatesLayerAttribute] static object L() => null; }
        class MarkedInSecondList { [Obsolete][RequiresVariableStore] static void S() { } }
        class MarkedAfterOtherAttribute { [Obsolete, CreatesLayer] static object L() => null; }
        class MarkedAccessor { object Layer { [CreatesLayer] get => null; } }
        class MarkedIndexerAccessor { object this[int i] { [CreatesLayer] get => null; } }
        class MarkedEventAccessors { [method: CreatesLayer] event Action Changed; }
        class MarkedConstructor { [CreatesVariable] MarkedConstructor() { } }
        [method: CreatesVariable] class MarkedPrimaryConstructor(int size) { int Size => size; }
        [method: CreatesVariable] record MarkedRecordConstructor(int Size);
        partial class MarkedInOtherPart { }
        partial class MarkedInOtherPart { [CreatesVariable] static object V() => null; }
        partial class MarkedPartialMethod { [ForwardPass] partial void Run(); }
        partial class MarkedPartialMethod { partial void Run() { } }

        class PlainOuter
        {
            class MarkedNested { [CreatesLayer] static object L() => null; }
        }

        class PlainTracked { [TrackVariables] void Forward() { } }
        class PlainObsolete { [Obsolete] void M() { } }
        class PlainLookAlike { [CreatesLayerish] void M() { } }
        class PlainCommentAndText { /* [CreatesLayer] */ string M() => "[CreatesLayer] static object L()"; }
        class PlainLocalFunction { void M() { [CreatesLayer] static object L() => null; L(); } }
        class PlainLambda { Func<object> F = [CreatesLayer] () => null; }

        sealed class CreatesLayerishAttribute : Attribute { }
        """;

    private static IEnumerable<TestCaseData> Sources()
    {
        yield return new TestCaseData("Spellings.cs", Spellings).SetArgDisplayNames("Spellings.cs");
        foreach (var (path, source) in SourceSamples.CorpusAndStubs())
        {
            yield return new TestCaseData(path, source).SetArgDisplayNames(path);
        }
    }

    [TestCaseSource(nameof(Sources))]
    public void EveryTypeWithAMarkedMethod_IsRead(string path, string source)
    {
        AssertNoMarkedMethodIsPassedOver(path, source);

        var random = new Random(path.GetHashCode(StringComparison.Ordinal));
        for (var i = 0; i < 40; i++)
        {
            AssertNoMarkedMethodIsPassedOver(path, SourceMutations.Mutate(source, random));
        }
    }

    [Test]
    public void Spellings_MarkedTypesAreRead_PlainTypesAreNot()
    {
        var (compilation, syntax, markers) = Analyze("Spellings.cs", Spellings);
        Assert.That(AnalysisRunner.Errors(compilation), Is.Empty, "the spellings file must compile");

        var types = SourceTypes(compilation).ToList();
        var marked = types.Where(type => type.Name.StartsWith("Marked", StringComparison.Ordinal)).ToList();
        var plain = types.Where(type => type.Name.StartsWith("Plain", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(marked, Has.Count.EqualTo(19));
            Assert.That(marked.Where(type => !HasMarkedMethod(type, markers)).Select(type => type.Name), Is.Empty, "every Marked* type has a marked method");
            Assert.That(marked.Where(type => !syntax.MayMarkMethodsOf(type)).Select(type => type.Name), Is.Empty, "passed over");
            Assert.That(plain, Has.Count.EqualTo(7));
            Assert.That(plain.Where(type => HasMarkedMethod(type, markers)).Select(type => type.Name), Is.Empty, "no Plain* type has a marked method");
            Assert.That(plain.Where(type => syntax.MayMarkMethodsOf(type)).Select(type => type.Name), Is.Empty, "read for nothing");
        });
    }

    [Test]
    public void CorpusModules_AreNotRead()
    {
        // The shortcut's point: model code marks a handful of helpers, not its modules, so the members of
        // none of the test corpus's types are asked for.
        var sources = TestReferences.ResourceNames("Corpus/").Select(resource => (resource, TestReferences.ReadResource(resource)));
        var compilation = AnalysisRunner.Compile(sources);
        var (syntax, _) = ShortcutOf(compilation);
        var types = SourceTypes(compilation).ToList();
        Assert.That(types, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(types.Where(syntax.MayMarkMethodsOf).Select(type => type.Name), Is.Empty);
    }

    private static void AssertNoMarkedMethodIsPassedOver(string path, string source)
    {
        var (compilation, syntax, markers) = Analyze(path, source);
        var passedOver = SourceTypes(compilation)
            .Where(type => HasMarkedMethod(type, markers) && !syntax.MayMarkMethodsOf(type))
            .Select(type => type.ToDisplayString())
            .ToList();
        Assert.That(passedOver, Is.Empty, $"types with a marked method that the syntax check passes over in:\n{source}");
    }

    private static (Compilation Compilation, MarkerAttributeSyntax Syntax, List<INamedTypeSymbol> Markers) Analyze(string path, string source)
    {
        var compilation = AnalysisRunner.Compile(new[] { (path, source) });
        var (syntax, markers) = ShortcutOf(compilation);
        return (compilation, syntax, markers);
    }

    private static (MarkerAttributeSyntax Syntax, List<INamedTypeSymbol> Markers) ShortcutOf(Compilation compilation)
    {
        var symbols = KnownSymbols.Get(compilation) ?? throw new InvalidOperationException("the test references declare Parity's markers");
        var markers = DeclarationIndex.MarkersOf(symbols).OfType<INamedTypeSymbol>().ToList();
        Assert.That(markers, Has.Count.EqualTo(6));
        return (new MarkerAttributeSyntax(markers, DeclarationIndex.AliasNames(compilation)), markers);
    }

    private static IEnumerable<INamedTypeSymbol> SourceTypes(Compilation compilation)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers().OfType<INamespaceOrTypeSymbol>())
            {
                pending.Push(member);
                if (member is INamedTypeSymbol type)
                {
                    yield return type;
                }
            }
        }
    }

    private static bool HasMarkedMethod(INamedTypeSymbol type, List<INamedTypeSymbol> markers)
        => type.GetMembers()
            .OfType<IMethodSymbol>()
            .SelectMany(method => method.GetAttributes())
            .Any(attribute => markers.Contains(attribute.AttributeClass!, SymbolEqualityComparer.Default));
}
