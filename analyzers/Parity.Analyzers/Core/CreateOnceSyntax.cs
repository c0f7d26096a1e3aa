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
/// or a bare name that the method does not declare locally (<see cref="LocalNames"/>), where the type or
/// its nearest base declaring that name declares only fields or properties by it.
/// </remarks>
internal static class CreateOnceSyntax
{
    /// <summary>True when <paramref name="creation"/> is stored by <c>member ??= creation</c> in <paramref name="forwardPass"/>.</summary>
    public static bool IsStoredInMemberIfMissing(ExpressionSyntax creation, ForwardPassDeclaration forwardPass)
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
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }
                => IsFieldOrProperty(member.Identifier.ValueText, forwardPass.Symbol.ContainingType),
            IdentifierNameSyntax name
                => !LocalNames.IsDeclared(name.Identifier.ValueText, forwardPass.Syntax)
                    && IsFieldOrProperty(name.Identifier.ValueText, forwardPass.Symbol.ContainingType),
            _ => false,
        };
    }

    // The nearest declaration of the name in the type or its bases is one assignable field or property, so the
    // name binds to it; anything else (a method, a duplicate, a read-only member, an outer type's static, code
    // that does not compile) is left to binding.
    private static bool IsFieldOrProperty(string name, INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var members = current.GetMembers(name);
            if (!members.IsEmpty)
            {
                return members.Length == 1 && members[0] switch
                {
                    IFieldSymbol field => !field.IsReadOnly && !field.IsConst,
                    IPropertySymbol property => property.GetMethod is not null && property.SetMethod is { IsInitOnly: false },
                    _ => false,
                };
            }
        }

        return false;
    }
}
