using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Parity.Analyzers.Tests.Verification;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// Real source that the text searches standing in for syntax walks are held to the walks on, and the names
/// they are asked about.
/// </summary>
internal static class SourceSamples
{
    /// <summary>Every file of the test corpus and the two API stubs, by resource name.</summary>
    public static IEnumerable<(string Path, string Source)> CorpusAndStubs()
        => TestReferences.ResourceNames("Corpus/")
            .Concat(new[] { "Stubs/ParityApi.cs", "Stubs/TorchSharpApi.cs" })
            .Select(resource => (resource, TestReferences.ReadResource(resource)));

    /// <summary>Every distinct identifier written in <paramref name="tree"/> (missing tokens of broken code left out).</summary>
    public static List<string> Identifiers(SyntaxTree tree)
        => tree.GetRoot().DescendantTokens()
            .Where(token => token.IsKind(SyntaxKind.IdentifierToken) && !token.IsMissing)
            .Select(token => token.ValueText)
            .Distinct()
            .ToList();
}
