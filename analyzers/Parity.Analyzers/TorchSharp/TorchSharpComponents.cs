using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>What TorchSharp's <c>RegisterComponents()</c> treats as a component of a custom module.</summary>
internal static class TorchSharpComponents
{
    /// <summary>
    /// True for a class deriving from <c>torch.nn.Module</c> (not the TorchSharp base itself) that
    /// registers its components the TorchSharp way; Parity modules register theirs at the first call.
    /// </summary>
    public static bool IsCustomModule(INamedTypeSymbol type, KnownSymbols symbols)
        => type.TypeKind == TypeKind.Class && symbols.IsTorchModule(type.BaseType) && !symbols.RegistersOwnComponents(type);

    /// <summary>True for a submodule or a parameter: what must be registered for training to see it.</summary>
    public static bool IsModuleOrParameter(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchModule(type) || symbols.IsTorchParameter(type);

    /// <summary>True for anything <c>RegisterComponents()</c> registers from a field: submodules, parameters and tensors (buffers).</summary>
    public static bool IsComponent(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchModule(type) || symbols.IsTorchTensor(type);

    /// <summary>"submodule" or "parameter", for messages.</summary>
    public static string Kind(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchParameter(type) ? "parameter" : "submodule";

    /// <summary>The names of the TorchSharp methods that register components.</summary>
    public static ImmutableHashSet<string> RegistrationNames { get; } = ImmutableHashSet.Create("RegisterComponents", "register_module", "register_parameter", "register_buffer");

    /// <summary>
    /// The custom modules declared in <paramref name="model"/>'s tree, each once. With
    /// <paramref name="firstDeclarationOnly"/>, only those whose first declaration is here, so every module of
    /// the compilation comes from exactly one tree however many partial declarations it has; otherwise every
    /// module with a declaration here (a rule then reports only what lies in this tree).
    /// </summary>
    public static IEnumerable<INamedTypeSymbol> CustomModulesDeclaredIn(SemanticModel model, KnownSymbols symbols, bool firstDeclarationOnly, CancellationToken cancellationToken)
    {
        foreach (var (type, firstHere) in ModulesByModel.Get(model, (symbols, cancellationToken), static (model, state) => FindCustomModules(model, state.symbols, state.cancellationToken)))
        {
            if (firstHere || !firstDeclarationOnly)
            {
                yield return type;
            }
        }
    }

    // Found once per tree and shared by the three TorchSharp rules (the host hands them the same model).
    private static readonly PerModelCache<(INamedTypeSymbol Type, bool FirstHere)> ModulesByModel = new();

    private static ImmutableArray<(INamedTypeSymbol Type, bool FirstHere)> FindCustomModules(SemanticModel model, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var found = ImmutableArray.CreateBuilder<(INamedTypeSymbol Type, bool FirstHere)>();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var declaration in TreeDeclarations.Members(model.SyntaxTree.GetRoot(cancellationToken)).OfType<ClassDeclarationSyntax>())
        {
            // A module derives from TorchSharp's: only a declaration with a base list, or a part of a partial
            // class whose other part may have one, is asked for its symbol.
            if ((declaration.BaseList is not null || declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                && model.GetDeclaredSymbol(declaration, cancellationToken) is { } type
                && IsCustomModule(type, symbols)
                && seen.Add(type))
            {
                found.Add((type, IsFirstDeclaration(type, model.SyntaxTree)));
            }
        }

        return found.ToImmutable();
    }

    private static bool IsFirstDeclaration(INamedTypeSymbol type, SyntaxTree tree)
        => type.DeclaringSyntaxReferences[0].SyntaxTree == tree;

    /// <summary>
    /// True when code of <paramref name="type"/> (any of its declarations, not nested types) calls a TorchSharp module method
    /// named one of <paramref name="names"/>. Calls are found by name in the source text; the usual
    /// unqualified call is recognised from syntax (<see cref="CallsOwnModuleMethod"/>), any other is bound
    /// when it is in <paramref name="model"/>'s tree and counted by its name when it is in another file of a
    /// partial module (that file's semantic model belongs to its own analysis), so such a module is never
    /// reported for a call that may register.
    /// </summary>
    public static bool CallsOneOf(INamedTypeSymbol type, ImmutableHashSet<string> names, SemanticModel model, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var tree = reference.SyntaxTree;
            var text = tree.GetText(cancellationToken);
            foreach (var invocation in NamedInvocations.In(tree.GetRoot(cancellationToken), text, reference.Span, names))
            {
                // A nested type's code is its own, not the module's.
                if (invocation.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Span != reference.Span)
                {
                    continue;
                }

                if (CallsOwnModuleMethod(invocation, names, type, symbols)
                    || tree != model.SyntaxTree
                    || (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                        && names.Contains(method.Name)
                        && symbols.IsTorchModule(method.ContainingType)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="invocation"/> calls one of <paramref name="names"/> on the module being
    /// declared, as decided from syntax: <c>Name()</c>, <c>this.Name()</c> or <c>base.Name()</c> written
    /// directly inside one of <paramref name="type"/>'s declarations (which <see cref="CallsOneOf"/> has
    /// checked), where <paramref name="type"/> is a
    /// custom module, no type from it down to TorchSharp's base declares a field, property or event of that
    /// name (which would hide the method), and the member holding the call declares nothing of that name
    /// (a parameter, local, lambda parameter or local function, see <see cref="LocalNames"/>).
    /// </summary>
    /// <remarks>
    /// Such a call binds to a method of a module type whatever overload it picks, which is all
    /// <see cref="CallsOneOf"/> asks, so the constructor that holds it need not be bound.
    /// </remarks>
    private static bool CallsOwnModuleMethod(InvocationExpressionSyntax invocation, ImmutableHashSet<string> names, INamedTypeSymbol type, KnownSymbols symbols)
    {
        var callee = invocation.Expression;
        var name = callee switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax, Name: IdentifierNameSyntax accessed } => accessed.Identifier.ValueText,
            _ => null,
        };
        // Only a call without arguments (RegisterComponents()) is sure to bind whatever the overloads; calls
        // with arguments, such as register_module(name, module), are left to binding.
        if (name is null || !names.Contains(name) || invocation.ArgumentList.Arguments.Count > 0)
        {
            return false;
        }

        if (invocation.FirstAncestorOrSelf<MemberDeclarationSyntax>(member => member is not BaseTypeDeclarationSyntax) is not { } member
            || LocalNames.IsDeclared(name, member))
        {
            return false;
        }

        for (var current = type; current is not null && !symbols.IsTorchModuleBase(current); current = current.BaseType)
        {
            if (current.GetMembers(name).Any(member => member is not IMethodSymbol))
            {
                return false;
            }
        }

        return true;
    }
}
