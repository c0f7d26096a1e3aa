using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>
/// The one create-once pattern decided from syntax without binding: <c>member ??= creation</c>. Everything
/// else is left to <see cref="CreateOnceGuards"/> on the bound method.
/// </summary>
/// <remarks>
/// This must never accept what <see cref="CreateOnceGuards"/> would report, so it accepts only the plain
/// shape: the creation is the whole right side (parentheses aside), and the left side is <c>this.name</c>
/// or a bare name that the method does not declare as a parameter, local or pattern variable and that is
/// not a primary-constructor parameter, so it names a field or property.
/// </remarks>
internal static class CreateOnceSyntax
{
    /// <summary>True when <paramref name="creation"/> is stored by <c>member ??= creation</c> in <paramref name="method"/>.</summary>
    public static bool IsStoredInMemberIfMissing(ExpressionSyntax creation, MethodDeclarationSyntax method)
    {
        SyntaxNode value = creation;
        while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized;
        }

        if (value.Parent is not AssignmentExpressionSyntax assignment
            || !assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression)
            || assignment.Right != value)
        {
            return false;
        }

        return assignment.Left switch
        {
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax } => true,
            IdentifierNameSyntax name => !IsDeclaredLocally(name.Identifier.ValueText, method),
            _ => false,
        };
    }

    private static bool IsDeclaredLocally(string name, MethodDeclarationSyntax method)
    {
        foreach (var declared in DeclaredNames(method))
        {
            if (declared.ValueText == name)
            {
                return true;
            }
        }

        // A primary constructor's parameters are in scope in every member of the type.
        for (var type = method.Parent as TypeDeclarationSyntax; type is not null; type = type.Parent as TypeDeclarationSyntax)
        {
            // Read as a child node: the property exists only in newer Roslyn versions than the one this targets.
            foreach (var parameters in type.ChildNodes())
            {
                if (parameters is ParameterListSyntax list && list.Parameters.Any(parameter => parameter.Identifier.ValueText == name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Every name the method declares anywhere inside it, whatever its scope: a false match only costs a binding.
    private static IEnumerable<SyntaxToken> DeclaredNames(MethodDeclarationSyntax method)
    {
        foreach (var node in method.DescendantNodes())
        {
            switch (node)
            {
                case ParameterSyntax parameter:
                    yield return parameter.Identifier;
                    break;
                case VariableDeclaratorSyntax variable:
                    yield return variable.Identifier;
                    break;
                case SingleVariableDesignationSyntax designation:
                    yield return designation.Identifier;
                    break;
                case ForEachStatementSyntax forEach:
                    yield return forEach.Identifier;
                    break;
                case CatchDeclarationSyntax catchDeclaration:
                    yield return catchDeclaration.Identifier;
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    yield return localFunction.Identifier;
                    break;
                case QueryClauseSyntax or QueryContinuationSyntax or FromClauseSyntax:
                    foreach (var token in node.ChildTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken))
                        {
                            yield return token;
                        }
                    }

                    break;
            }
        }
    }
}
