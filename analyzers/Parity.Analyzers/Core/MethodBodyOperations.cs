using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Parity.Analyzers.Core;

/// <summary>
/// Every operation of one method declaration, built on demand: the code blocks an operation-block action
/// would have seen (the block or expression body, and parameter default values), with the operations
/// inside lambdas and local functions.
/// </summary>
/// <remarks>
/// Asking the host for operations of every method (operation actions) makes it build a tree for each body
/// in the compilation, which costs far more than the rules themselves. Callers first decide from the
/// declared symbol that the method matters, then walk only its tree.
/// </remarks>
internal static class MethodBodyOperations
{
    /// <summary>The operations of <paramref name="declaration"/>, each root followed by its descendants.</summary>
    public static IEnumerable<IOperation> Of(MethodDeclarationSyntax declaration, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var parameter in declaration.ParameterList.Parameters)
        {
            if (parameter.Default is { } defaultValue && semanticModel.GetOperation(defaultValue, cancellationToken) is { } initializer)
            {
                foreach (var operation in initializer.DescendantsAndSelf())
                {
                    yield return operation;
                }
            }
        }

        // The method's own node yields one tree holding both the block body and the expression body.
        if ((declaration.Body is not null || declaration.ExpressionBody is not null)
            && semanticModel.GetOperation(declaration, cancellationToken) is { } body)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                yield return operation;
            }
        }
    }
}
