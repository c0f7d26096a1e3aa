using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>
/// The calls and creations of one method declaration read by walking its syntax, each with the name it uses.
/// <see cref="CandidateCallSites"/> finds the ones a rule may need from the text instead and falls back to
/// this walk where the text is not plain enough; its tests hold the two to the same answer.
/// </summary>
internal static class CallSites
{
    /// <summary>
    /// Every invocation and object creation in <paramref name="declaration"/> (parameter defaults, body,
    /// lambdas and local functions included), the same nodes <see cref="MethodBodyOperations"/> would give
    /// operations for.
    /// </summary>
    public static IEnumerable<CallSite> Of(MethodDeclarationSyntax declaration)
    {
        foreach (var node in Descendants(declaration))
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                    yield return new CallSite(invocation, InvokedNames.Of(invocation));
                    break;
                case ObjectCreationExpressionSyntax creation:
                    yield return new CallSite(creation, TypeName(creation.Type));
                    break;
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    // new(...) takes its type from the target: no name to filter on.
                    yield return new CallSite(implicitCreation, null);
                    break;
            }
        }
    }

    private static IEnumerable<SyntaxNode> Descendants(MethodDeclarationSyntax declaration)
    {
        foreach (var parameter in declaration.ParameterList.Parameters)
        {
            if (parameter.Default is { } value)
            {
                foreach (var node in value.DescendantNodes())
                {
                    yield return node;
                }
            }
        }

        SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
        if (body is not null)
        {
            foreach (var node in body.DescendantNodes())
            {
                yield return node;
            }
        }
    }

    /// <summary>The simple name <paramref name="type"/> ends in (<c>Dense</c> for <c>Parity.Nn.Dense</c> and <c>Box&lt;T&gt;</c> for <c>Box</c>), or null.</summary>
    public static string? TypeName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
