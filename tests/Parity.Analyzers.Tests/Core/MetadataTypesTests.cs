using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Parity.Analyzers.Core;
using Parity.Analyzers.Tests.Verification;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// The analyzers resolve Parity's markers and TorchSharp's types through <see cref="MetadataTypes"/>, which
/// asks fewer assemblies than <see cref="Compilation.GetTypeByMetadataName"/>; it must answer the same in
/// every arrangement of declarations, so the compilation's own lookup is the expected answer.
/// </summary>
[TestFixture]
public sealed class MetadataTypesTests
{
    private const string Marker = "namespace Parity { public sealed class ForwardPassAttribute : System.Attribute { } }";
    private const string Nested = "namespace TorchSharp { public static class torch { public static class nn { public class Module { } } } }";

    private static readonly string[] Names = { "Parity.ForwardPassAttribute", "TorchSharp.torch+nn+Module", "TorchSharp.torch+nn", "Parity.Missing", "System.Object" };

    private static IEnumerable<TestCaseData> Arrangements()
    {
        yield return Case("in one reference", source: "", references: new[] { Marker + Nested });
        yield return Case("in source and in a reference", source: Marker, references: new[] { Marker });
        yield return Case("in two references", source: "", references: new[] { Marker, Marker + Nested });
        yield return Case("in no assembly", source: "class C { }", references: new[] { "namespace Other { public class C { } }" });
        yield return Case("namespace without the type", source: "", references: new[] { "namespace Parity { public class Other { } }", Nested });
        yield return Case("in an extern-aliased reference", source: "", references: new[] { Marker }, alias: "lib");
    }

    private static TestCaseData Case(string name, string source, string[] references, string? alias = null)
        => new TestCaseData(source, references, alias).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Arrangements))]
    public void Get_AnswersAsTheCompilationsOwnLookup(string source, string[] references, string? alias)
    {
        var framework = TestReferences.FrameworkOnly;
        var built = references.Select((text, i) => Reference($"Lib{i}", text, framework, alias)).ToList();
        var compilation = CSharpCompilation.Create("Main", new[] { CSharpSyntaxTree.ParseText(source) }, framework.AddRange(built),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        foreach (var name in Names)
        {
            var expected = compilation.GetTypeByMetadataName(name);
            var actual = new MetadataTypes(compilation, name.Split('.')[0]).Get(name);
            Assert.That(actual, Is.EqualTo(expected).Using<ISymbol?>((a, b) => SymbolEqualityComparer.Default.Equals(a, b)), name);
        }
    }

    private static MetadataReference Reference(string assemblyName, string text, ImmutableArray<MetadataReference> framework, string? alias)
    {
        var library = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText(text) }, framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.That(library.Emit(stream).Success, Is.True);
        var reference = MetadataReference.CreateFromImage(stream.ToArray());
        return alias is null ? reference : reference.WithAliases(new[] { alias });
    }
}
