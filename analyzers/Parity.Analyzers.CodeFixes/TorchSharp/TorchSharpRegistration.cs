using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Core;
using Parity.Analyzers.TorchSharp;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Parity.Analyzers.CodeFixes.TorchSharp;

/// <summary>
/// How a fix that moves a submodule or parameter into a field of a plain TorchSharp module keeps it
/// registered. <c>RegisterComponents()</c> registers the fields it finds at the moment it runs, once: a field
/// assigned after it (later in the constructor, or in a forward pass) is invisible to <c>parameters()</c>,
/// <c>state_dict()</c> and <c>to()</c>.
/// </summary>
internal static class TorchSharpRegistration
{
    /// <summary>
    /// <c>register_module</c> or <c>register_parameter</c> when <paramref name="module"/> is a plain TorchSharp
    /// module and <paramref name="created"/> is what that method registers; null when nothing needs registering
    /// (a Parity module registers its fields itself).
    /// </summary>
    public static string? MethodFor(INamedTypeSymbol module, ITypeSymbol created, KnownSymbols symbols)
    {
        if (!TorchSharpComponents.IsCustomModule(module, symbols))
        {
            return null;
        }

        return symbols.IsTorchParameter(created) ? "register_parameter"
            : symbols.IsTorchModule(created) ? "register_module"
            : null;
    }

    /// <summary>
    /// Adds <paramref name="assignment"/> to <paramref name="constructor"/> where it gets registered: just before
    /// the constructor's own <c>RegisterComponents()</c> statement if it has one; otherwise at the end, followed,
    /// when <paramref name="registration"/> is given, by an explicit registration under the field's name.
    /// </summary>
    public static ConstructorDeclarationSyntax AssignInConstructor(ConstructorDeclarationSyntax constructor, StatementSyntax assignment, string? registration, string fieldName)
    {
        if (registration is null)
        {
            return SyntaxEdits.AppendStatement(constructor, assignment);
        }

        var block = SyntaxEdits.AppendStatement(constructor, assignment);
        var body = block.Body!;
        var statements = body.Statements;
        var registers = statements.IndexOf(IsRegisterComponents);
        if (registers >= 0)
        {
            var added = statements[statements.Count - 1];
            return block.WithBody(body.WithStatements(statements.RemoveAt(statements.Count - 1).Insert(registers, added)));
        }

        return block.WithBody(body.AddStatements(Register(registration, fieldName)));
    }

    /// <summary>
    /// True when the statement holding <paramref name="creation"/> can take an <c>if (field is null)</c> before it:
    /// it sits directly in a block of <paramref name="method"/>, or is the expression body of the method.
    /// </summary>
    public static bool CanCreateLazily(ExpressionSyntax creation, MethodDeclarationSyntax method)
        => creation.FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax }
            || (method.ExpressionBody is { } arrow && arrow.Span.Contains(creation.Span) && creation.FirstAncestorOrSelf<StatementSyntax>() is null);

    /// <summary>
    /// Replaces <paramref name="creation"/> with the field and puts
    /// <c>if (field is null) { field = creation; register_xxx("name", field); }</c> before the statement that
    /// used it (an expression-bodied method becomes a block).
    /// </summary>
    public static void CreateLazilyAndRegister(DocumentEditor editor, ExpressionSyntax creation, MethodDeclarationSyntax method, string fieldName, string registration)
    {
        var field = IdentifierName(fieldName);
        var body = Block(
            ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, field, creation.WithoutTrivia())),
            Register(registration, fieldName));
        if (registration == "register_parameter")
        {
            // A forward pass usually runs inside the caller's dispose scope, which would free the new parameter
            // with the step's temporaries; TorchSharp's own layers detach their parameters the same way.
            body = body.AddStatements(ExpressionStatement(InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, field, IdentifierName("DetachFromDisposeScope")))));
        }

        var guard = IfStatement(IsPatternExpression(field, ConstantPattern(LiteralExpression(SyntaxKind.NullLiteralExpression))), body)
            .WithAdditionalAnnotations(Formatter.Annotation);

        editor.ReplaceNode(creation, field.WithTriviaFrom(creation));
        if (creation.FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax } statement)
        {
            editor.InsertBefore(statement, guard);
            return;
        }

        editor.ReplaceNode(method, (current, _) =>
        {
            var declaration = (MethodDeclarationSyntax)current;
            var expression = declaration.ExpressionBody!.Expression;
            StatementSyntax last = declaration.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
                ? ExpressionStatement(expression)
                : ReturnStatement(expression);
            return declaration
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(Block(guard, last))
                .WithAdditionalAnnotations(Formatter.Annotation);
        });
    }

    private static StatementSyntax Register(string registration, string fieldName)
        => ExpressionStatement(InvocationExpression(
                IdentifierName(registration),
                ArgumentList(SeparatedList(new[]
                {
                    Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(fieldName.TrimStart('_')))),
                    Argument(IdentifierName(fieldName)),
                }))))
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static bool IsRegisterComponents(StatementSyntax statement)
        => statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } invocation }
            && invocation.Expression switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText == "RegisterComponents",
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText == "RegisterComponents",
                _ => false,
            };
}
