using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Parity.Analyzers.CodeFixes.Core;

/// <summary>
/// Shared shape of Parity's fixes: each fix is a function of the diagnosed node that returns the
/// document unchanged when there is nothing (left) to do, so it serves both the single fix and the
/// sequential Fix All.
/// </summary>
public abstract class ParityCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => SequentialFixAll.Create(FixAsync);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (SequentialFixAll.Locate(root, diagnostic) is not { } node)
            {
                continue;
            }

            foreach (var (title, equivalenceKey) in await OffersAsync(context.Document, node, context.CancellationToken).ConfigureAwait(false))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => FixAsync(document, node, equivalenceKey, cancellationToken), equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The fixes offered for <paramref name="node"/>: a title and the equivalence key passed back to <see cref="FixAsync"/>.</summary>
    protected abstract Task<(string Title, string EquivalenceKey)[]> OffersAsync(Document document, SyntaxNode node, CancellationToken cancellationToken);

    /// <summary>Applies the fix named by <paramref name="equivalenceKey"/> at <paramref name="node"/>; returns the document unchanged when nothing is left to fix.</summary>
    protected abstract Task<Document> FixAsync(Document document, SyntaxNode node, string? equivalenceKey, CancellationToken cancellationToken);
}
