using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Parity.Analyzers.CodeFixes.Core;

/// <summary>
/// Fix All that applies one fix after another within a document. Parity's fixes edit more than the
/// diagnosed node (a new field, every constructor, the method's body), so independent edits merged at
/// the end, as the batch fixer does, would conflict; here each fix sees the result of the previous one.
/// </summary>
internal static class SequentialFixAll
{
    /// <summary>Fixes <paramref name="node"/> in <paramref name="document"/>, or returns the document unchanged when nothing is left to fix.</summary>
    public delegate Task<Document> NodeFix(Document document, SyntaxNode node, string? equivalenceKey, CancellationToken cancellationToken);

    /// <summary>A Fix All provider for document, project and solution scope that runs <paramref name="fix"/> per diagnostic.</summary>
    public static FixAllProvider Create(NodeFix fix) => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Mark every diagnosed node first: the nodes move as earlier fixes rewrite the document.
        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var node = Locate(root, diagnostic);
            if (node is not null && !marks.ContainsKey(node))
            {
                marks.Add(node, new SyntaxAnnotation());
            }
        }

        var order = marks.Values.ToList();
        document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, current) => current.WithAdditionalAnnotations(marks[original])));
        foreach (var mark in order)
        {
            var currentRoot = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var current = currentRoot?.GetAnnotatedNodes(mark).FirstOrDefault();
            if (current is not null)
            {
                document = await fix(document, current, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false);
            }
        }

        return document;
    });

    /// <summary>The innermost node whose span is the diagnostic's span.</summary>
    public static SyntaxNode? Locate(SyntaxNode root, Diagnostic diagnostic)
        => diagnostic.Location.IsInSource && root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            ? root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            : null;
}
