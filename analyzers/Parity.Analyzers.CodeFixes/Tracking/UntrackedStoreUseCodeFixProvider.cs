using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Core;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Parity.Analyzers.CodeFixes.Tracking;

/// <summary>Fixes PAR2001 by putting <c>[TrackVariables]</c> on the forward pass.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UntrackedStoreUseCodeFixProvider)), Shared]
public sealed class UntrackedStoreUseCodeFixProvider : ParityCodeFixProvider
{
    private const string EquivalenceKey = "Parity.TrackVariables";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerIds.UntrackedVariableStoreUse);

    /// <inheritdoc />
    protected override async Task<(string Title, string EquivalenceKey)[]> OffersAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        => await TargetAsync(document, node, cancellationToken).ConfigureAwait(false) is { } target
            ? [($"Add [TrackVariables] to '{target.Method.Identifier.ValueText}'", EquivalenceKey)]
            : [];

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, SyntaxNode node, string? equivalenceKey, CancellationToken cancellationToken)
    {
        if (await TargetAsync(document, node, cancellationToken).ConfigureAwait(false) is not { } target
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        var attribute = AttributeList(SingletonSeparatedList(Attribute((NameSyntax)SyntaxEdits.ImportedType(document, target.Attribute))));
        var original = target.Method;
        var method = original;
        if (method.AttributeLists.Count == 0)
        {
            // The method's leading trivia (its doc comment) belongs above the new attribute.
            attribute = attribute.WithLeadingTrivia(method.GetLeadingTrivia());
            method = method.WithoutLeadingTrivia();
        }

        var updated = method.WithAttributeLists(method.AttributeLists.Add(attribute)).WithAdditionalAnnotations(Formatter.Annotation);
        return await SyntaxEdits.AddImportsAsync(document.WithSyntaxRoot(root.ReplaceNode(original, updated)), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(MethodDeclarationSyntax Method, INamedTypeSymbol Attribute)?> TargetAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || KnownSymbols.Get(model.Compilation) is not { TrackVariables: { } attribute }
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol
            || symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
        {
            return null;
        }

        return (method, attribute);
    }
}
