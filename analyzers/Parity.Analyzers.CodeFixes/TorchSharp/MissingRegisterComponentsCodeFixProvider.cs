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

namespace Parity.Analyzers.CodeFixes.TorchSharp;

/// <summary>
/// Fixes PAR3001 by calling <c>RegisterComponents()</c> at the end of every constructor that initialises
/// the module itself: registration reads the fields, so it must come after they are assigned.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingRegisterComponentsCodeFixProvider)), Shared]
public sealed class MissingRegisterComponentsCodeFixProvider : ParityCodeFixProvider
{
    private const string EquivalenceKey = "Parity.RegisterComponents";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerIds.MissingRegisterComponents);

    /// <inheritdoc />
    protected override Task<(string Title, string EquivalenceKey)[]> OffersAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        => Task.FromResult<(string, string)[]>(
            Constructors(node).Length > 0 ? [("Call RegisterComponents() at the end of the constructor", EquivalenceKey)] : []);

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, SyntaxNode node, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var constructors = Constructors(node);
        if (constructors.Length == 0 || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        var call = ExpressionStatement(InvocationExpression(IdentifierName("RegisterComponents"))).WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNodes(constructors, (_, current) => SyntaxEdits.AppendStatement(current, call)));
    }

    /// <summary>The constructors still missing the call; empty once every one has it.</summary>
    private static ConstructorDeclarationSyntax[] Constructors(SyntaxNode node)
        => node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type
            ? SyntaxEdits.InitializingConstructors(type).Where(c => !CallsRegisterComponents(c)).ToArray()
            : [];

    private static bool CallsRegisterComponents(ConstructorDeclarationSyntax constructor)
        => constructor.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "RegisterComponents" }
            || i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RegisterComponents" });
}
