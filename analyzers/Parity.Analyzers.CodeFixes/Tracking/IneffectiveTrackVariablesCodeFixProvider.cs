using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.CodeFixes.Tracking;

/// <summary>
/// Fixes PAR2002 by removing the <c>[TrackVariables]</c> that has no effect, so the code no longer claims
/// tracking it does not get. (Where tracking is wanted, PAR2001's fix puts the attribute on the override.)
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IneffectiveTrackVariablesCodeFixProvider)), Shared]
public sealed class IneffectiveTrackVariablesCodeFixProvider : ParityCodeFixProvider
{
    private const string EquivalenceKey = "Parity.RemoveTrackVariables";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerIds.IneffectiveTrackVariables);

    /// <inheritdoc />
    protected override Task<(string Title, string EquivalenceKey)[]> OffersAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        => Task.FromResult<(string, string)[]>(node.FirstAncestorOrSelf<AttributeSyntax>() is not null ? [("Remove [TrackVariables], which has no effect here", EquivalenceKey)] : []);

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, SyntaxNode node, string? equivalenceKey, CancellationToken cancellationToken)
    {
        // The diagnostic spans the attribute, whose innermost node of the same span is its name.
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is not { Parent: AttributeListSyntax list } attribute
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        if (list.Attributes.Count > 1)
        {
            var withoutAttribute = root.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia);
            return withoutAttribute is null ? document : document.WithSyntaxRoot(withoutAttribute);
        }

        if (list.Parent is not MemberDeclarationSyntax member)
        {
            return document;
        }

        // Drop the whole [..]; the trivia above it (a doc comment) stays above the member.
        var index = member.AttributeLists.IndexOf(list);
        var updated = member.WithAttributeLists(member.AttributeLists.RemoveAt(index));
        if (index == 0)
        {
            updated = updated.WithLeadingTrivia(list.GetLeadingTrivia());
        }

        return document.WithSyntaxRoot(root.ReplaceNode(member, updated));
    }
}
