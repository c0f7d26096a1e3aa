using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Core;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Parity.Analyzers.CodeFixes.TorchSharp;

/// <summary>
/// Fixes PAR3005 on a <c>Tensor</c> field by making it a <c>Parameter</c>: the field's type becomes
/// <c>Parameter</c> and the stored tensor is wrapped in <c>nn.Parameter(...)</c>, so <c>RegisterComponents()</c>
/// registers it as a parameter. Offered only when that store is the field's one write (a declaration with an
/// initializer, or one assignment) and the declaration declares that field alone; otherwise another write
/// would store a plain tensor into a <c>Parameter</c>, and the user decides. Tensors kept in a list get no fix:
/// moving them to a <c>ParameterList</c> changes how the module reads them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrainableTensorCodeFixProvider)), Shared]
public sealed class TrainableTensorCodeFixProvider : ParityCodeFixProvider
{
    private const string EquivalenceKey = "Parity.TrainableTensorAsParameter";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerIds.TrainableTensorNotParameter);

    /// <inheritdoc />
    protected override async Task<(string Title, string EquivalenceKey)[]> OffersAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        => await AnalyzeAsync(document, node, cancellationToken).ConfigureAwait(false) is { } plan
            ? [($"Make '{plan.Field.Name}' a Parameter", EquivalenceKey)]
            : [];

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, SyntaxNode node, string? equivalenceKey, CancellationToken cancellationToken)
    {
        if (await AnalyzeAsync(document, node, cancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var wrapped = InvocationExpression(
                MemberAccessExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression, SyntaxEdits.ImportedType(document, plan.Nn), IdentifierName("Parameter")),
                ArgumentList(SingletonSeparatedList(Argument(plan.Value.WithoutTrivia()))))
            .WithTriviaFrom(plan.Value);
        editor.ReplaceNode(plan.Value, wrapped);
        editor.ReplaceNode(plan.Declaration.Declaration.Type, SyntaxEdits.ImportedType(document, plan.Parameter).WithTriviaFrom(plan.Declaration.Declaration.Type));
        return await SyntaxEdits.AddImportsAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private sealed class Plan(IFieldSymbol field, FieldDeclarationSyntax declaration, ExpressionSyntax value, INamedTypeSymbol parameter, INamedTypeSymbol nn)
    {
        public IFieldSymbol Field { get; } = field;

        public FieldDeclarationSyntax Declaration { get; } = declaration;

        public ExpressionSyntax Value { get; } = value;

        /// <summary>TorchSharp's <c>Parameter</c> type, the field's new type.</summary>
        public INamedTypeSymbol Parameter { get; } = parameter;

        /// <summary><c>torch.nn</c>, whose <c>Parameter(...)</c> wraps the stored tensor.</summary>
        public INamedTypeSymbol Nn { get; } = nn;
    }

    private static async Task<Plan?> AnalyzeAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node is not ExpressionSyntax value
            || node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || KnownSymbols.Get(model.Compilation) is not { TorchParameter: { } parameter, TorchNn: { } nn })
        {
            return null;
        }

        var field = value.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken) as IFieldSymbol,
            AssignmentExpressionSyntax assignment when assignment.Right == value => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol as IFieldSymbol,
            _ => null,
        };
        if (field is null
            || field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax declaration } } fieldDeclarator
            || Writes(type, field, model, cancellationToken) + (fieldDeclarator.Initializer is null ? 0 : 1) != 1)
        {
            return null;
        }

        return new Plan(field, declaration, value, parameter, nn);
    }

    // Assignments to the field in the type's code (the initializer is counted by the caller).
    private static int Writes(TypeDeclarationSyntax type, IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
        => type.DescendantNodes()
            .OfType<AssignmentExpressionSyntax>()
            .Count(a => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a.Left, cancellationToken).Symbol, field));
}
