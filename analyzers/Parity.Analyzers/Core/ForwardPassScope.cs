using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Core;

/// <summary>
/// Runs a rule on the operations of forward passes only. Other methods (constructors, <c>Build</c>-style
/// methods, helpers) are not analyzed at all: only a forward pass runs on every call, and a helper opts in
/// by carrying <c>[ForwardPass]</c>.
/// </summary>
/// <remarks>
/// A forward pass is decided from the method's declared symbol, which is cheap, before any operation is
/// built; operation actions would make the host build the operation tree of every method body in the
/// compilation just to reject it. Only ordinary methods can be forward passes (see
/// <see cref="KnownSymbols.IsForwardPass"/>), and those are always method declarations.
/// </remarks>
internal static class ForwardPassScope
{
    /// <summary>
    /// Runs <paramref name="action"/> for every operation of <paramref name="kinds"/> inside a forward pass
    /// of a compilation that sees Parity or TorchSharp.
    /// </summary>
    public static void Register(
        AnalysisContext context,
        Action<ForwardPassOperationContext, KnownSymbols> action,
        params OperationKind[] kinds)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { } symbols)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(
                declaration =>
                {
                    var syntax = (MethodDeclarationSyntax)declaration.Node;
                    if (declaration.SemanticModel.GetDeclaredSymbol(syntax, declaration.CancellationToken) is not { } method
                        || !symbols.IsForwardPass(method))
                    {
                        return;
                    }

                    foreach (var operation in MethodBodyOperations.Of(syntax, declaration.SemanticModel, declaration.CancellationToken))
                    {
                        if (Array.IndexOf(kinds, operation.Kind) >= 0)
                        {
                            action(new ForwardPassOperationContext(operation, method, declaration), symbols);
                        }
                    }
                },
                SyntaxKind.MethodDeclaration);
        });
    }
}
