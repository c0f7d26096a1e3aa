using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>
/// The forward passes declared in one tree, found once per semantic model and shared by every rule that
/// looks at forward passes (the host hands all analyzers the same model of a tree).
/// </summary>
/// <remarks>
/// Asking for the declared symbol of every method costs more than the rules themselves on a large code
/// base, so a method is only asked when its syntax allows it to be a forward pass: it carries an attribute
/// (<c>[ForwardPass]</c> itself), overrides (a marked method), is partial (the marker may be on the other
/// part) or is named <c>forward</c> (TorchSharp).
/// </remarks>
internal static class ForwardPasses
{
    private static readonly PerModelCache<ForwardPassDeclaration> Cache = new();

    /// <summary>The forward passes declared in <paramref name="model"/>'s tree.</summary>
    public static ImmutableArray<ForwardPassDeclaration> In(SemanticModel model, KnownSymbols symbols, CancellationToken cancellationToken)
        => Cache.Get(model, (symbols, cancellationToken), static (model, state) => Find(model, state.symbols, state.cancellationToken));

    private static ImmutableArray<ForwardPassDeclaration> Find(SemanticModel model, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var declarations = ImmutableArray.CreateBuilder<ForwardPassDeclaration>();
        foreach (var syntax in TreeDeclarations.Members(model.SyntaxTree.GetRoot(cancellationToken)).OfType<MethodDeclarationSyntax>())
        {
            if (MayBeForwardPass(syntax)
                && model.GetDeclaredSymbol(syntax, cancellationToken) is { } method
                && symbols.IsForwardPass(method))
            {
                declarations.Add(new ForwardPassDeclaration(syntax, method));
            }
        }

        return declarations.ToImmutable();
    }

    private static bool MayBeForwardPass(MethodDeclarationSyntax method)
    {
        if (method.AttributeLists.Count > 0 || method.Identifier.ValueText == "forward")
        {
            return true;
        }

        foreach (var modifier in method.Modifiers)
        {
            if (modifier.IsKind(SyntaxKind.OverrideKeyword) || modifier.IsKind(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }
}
