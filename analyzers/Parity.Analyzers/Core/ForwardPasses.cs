using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    private static readonly ConditionalWeakTable<SemanticModel, Found> Cache = new();

    /// <summary>The forward passes declared in <paramref name="model"/>'s tree.</summary>
    public static ImmutableArray<ForwardPassDeclaration> In(SemanticModel model, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(model, out var found))
        {
            return found.Declarations;
        }

        var declarations = ImmutableArray.CreateBuilder<ForwardPassDeclaration>();
        foreach (var syntax in TreeDeclarations.Methods(model.SyntaxTree.GetRoot(cancellationToken)))
        {
            if (MayBeForwardPass(syntax)
                && model.GetDeclaredSymbol(syntax, cancellationToken) is { } method
                && symbols.IsForwardPass(method))
            {
                declarations.Add(new ForwardPassDeclaration(syntax, method));
            }
        }

        // Another analyzer may have stored the same list meanwhile; either copy is the same answer.
        return Cache.GetValue(model, _ => new Found(declarations.ToImmutable())).Declarations;
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

    // A class wrapper, as ConditionalWeakTable requires a reference type for its values.
    private sealed class Found
    {
        public Found(ImmutableArray<ForwardPassDeclaration> declarations) => Declarations = declarations;

        public ImmutableArray<ForwardPassDeclaration> Declarations { get; }
    }
}
