using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Parity.Analyzers.CodeFixes.Core;

/// <summary>Small syntax rewrites several fixes share.</summary>
internal static class SyntaxEdits
{
    /// <summary>
    /// A fully qualified reference to <paramref name="type"/> that <see cref="AddImportsAsync"/> gives a using
    /// directive and the code action's clean-up then shortens, as a person would write it.
    /// </summary>
    public static TypeSyntax ImportedType(Document document, ITypeSymbol type)
        => ((TypeSyntax)SyntaxGenerator.GetGenerator(document).TypeExpression(type))
            .WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);

    /// <summary>Adds the using directives that the <see cref="ImportedType"/> references in <paramref name="document"/> need.</summary>
    public static Task<Document> AddImportsAsync(Document document, CancellationToken cancellationToken)
        => ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);

    /// <summary>Adds <paramref name="statement"/> at the end of <paramref name="constructor"/>, turning an expression body into a block.</summary>
    public static ConstructorDeclarationSyntax AppendStatement(ConstructorDeclarationSyntax constructor, StatementSyntax statement)
    {
        if (constructor.Body is { } body)
        {
            return constructor.WithBody(body.AddStatements(statement).WithAdditionalAnnotations(Formatter.Annotation));
        }

        var existing = constructor.ExpressionBody is { } arrow ? new StatementSyntax[] { ExpressionStatement(arrow.Expression) } : [];
        return constructor
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithBody(Block(existing.Append(statement)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The constructors of <paramref name="type"/> that initialise the instance themselves (not through <c>this(...)</c>).</summary>
    public static ConstructorDeclarationSyntax[] InitializingConstructors(TypeDeclarationSyntax type)
        => type.Members
            .OfType<ConstructorDeclarationSyntax>()
            .Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword) && c.Initializer is not { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword })
            .ToArray();

    /// <summary>True when <paramref name="node"/> sits in a loop, lambda, local function or query of <paramref name="method"/>: code that may run several times per call.</summary>
    public static bool RunsRepeatedlyPerCall(SyntaxNode node, MethodDeclarationSyntax method)
    {
        for (var current = node.Parent; current is not null && current != method; current = current.Parent)
        {
            if (current is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The TF-style snake_case of a C# name, as scoped layers name themselves: <c>BatchNormalization</c> →
    /// <c>batch_normalization</c>, <c>Conv2D</c> → <c>conv2d</c>, <c>MaxPooling2d</c> → <c>max_pooling2d</c>.
    /// </summary>
    public static string SnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var startsWord = char.IsLower(previous) || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (startsWord)
                {
                    result.Append('_');
                }
            }

            result.Append(char.ToLowerInvariant(c));
        }

        return result.ToString();
    }
}
