using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Core;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Parity.Analyzers.CodeFixes.Tracking;

/// <summary>
/// Fixes PAR2003 by calling the module's public entry instead of its forward pass: <c>x.Forward(input)</c>
/// becomes <c>x.Call(input)</c>. Offered only when the module has an accessible <c>Call</c> that takes the
/// same first argument and nothing else that is required.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DirectForwardCallCodeFixProvider)), Shared]
public sealed class DirectForwardCallCodeFixProvider : ParityCodeFixProvider
{
    private const string EquivalenceKey = "Parity.CallInsteadOfForward";
    private const string EntryName = "Call";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerIds.DirectForwardCall);

    /// <inheritdoc />
    protected override async Task<(string Title, string EquivalenceKey)[]> OffersAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        => await NameToReplaceAsync(document, node, cancellationToken).ConfigureAwait(false) is not null
            ? [($"Call the module through '{EntryName}'", EquivalenceKey)]
            : [];

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, SyntaxNode node, string? equivalenceKey, CancellationToken cancellationToken)
    {
        if (await NameToReplaceAsync(document, node, cancellationToken).ConfigureAwait(false) is not { } name
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(name, IdentifierName(EntryName).WithTriviaFrom(name)));
    }

    /// <summary>The <c>Forward</c> name in the call, when the module offers a <c>Call</c> that can take its place.</summary>
    private static async Task<SimpleNameSyntax?> NameToReplaceAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        var name = node switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier,
            _ => null,
        };
        if (name is not IdentifierNameSyntax
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || KnownSymbols.Get(model.Compilation) is not { } symbols
            || model.GetSymbolInfo(node, cancellationToken).Symbol is not IMethodSymbol forward
            || !symbols.OverridesForwardPassMarker(forward, includeSelf: true)
            || forward.Parameters.Length != 1)
        {
            return null;
        }

        var entries = model.LookupSymbols(node.SpanStart, forward.ContainingType, EntryName).OfType<IMethodSymbol>();
        return entries.Any(m => !m.IsStatic
                && m.Parameters.Length >= 1
                && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, forward.Parameters[0].Type)
                && m.Parameters.Skip(1).All(p => p.IsOptional))
            ? name
            : null;
    }
}
