using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// Suppresses PAR3001 on a module the project builds only inside other modules' code (their constructors, field
/// initializers and helpers). Such a child works: its parent's <c>register_module</c>, which the parent's
/// <c>RegisterComponents()</c> calls for each child field, runs the child's <c>RegisterComponents()</c>. A module
/// built anywhere else (by a test, a factory class, a program), or nowhere in the project, keeps its report: built
/// on its own it has no parameters. A factory method outside modules (blocks built by kind) counts as a parent's
/// code when other assemblies cannot call it and every call of it lies in a module's code; a public factory hands
/// its modules to users as they are.
/// </summary>
/// <remarks>
/// Where a class is instantiated is a fact about the whole compilation, which a rule analysing one class cannot
/// wait for without becoming a compilation-end rule (no squiggle while typing, no code fix in the editor). A
/// suppressor sees the whole compilation and runs only when PAR3001 has reported something; it then binds only
/// the object creations whose type name is one of the reported modules', and the calls named like a factory that
/// builds one.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegisteredChildSuppressor : DiagnosticSuppressor
{
    internal static readonly SuppressionDescriptor OnlyBuiltByParents = new(
        "PARS3001",
        AnalyzerIds.MissingRegisterComponents,
        "The module is only built inside other modules, whose registration runs its RegisterComponents()");

    /// <inheritdoc />
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(OnlyBuiltByParents);

    /// <inheritdoc />
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        if (KnownSymbols.Get(context.Compilation) is not { HasTorchSharp: true } symbols)
        {
            return;
        }

        var reports = new Dictionary<INamedTypeSymbol, List<Diagnostic>>(SymbolEqualityComparer.Default);
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (ReportedModule(context, diagnostic) is { } module)
            {
                if (!reports.TryGetValue(module, out var list))
                {
                    reports[module] = list = [];
                }

                list.Add(diagnostic);
            }
        }

        if (reports.Count == 0)
        {
            return;
        }

        foreach (var built in WhereBuilt(context, reports.Keys, symbols))
        {
            if (built.Value)
            {
                foreach (var diagnostic in reports[built.Key])
                {
                    context.ReportSuppression(Suppression.Create(OnlyBuiltByParents, diagnostic));
                }
            }
        }
    }

    // PAR3001 is reported at the module's name in its declaration.
    private static INamedTypeSymbol? ReportedModule(SuppressionAnalysisContext context, Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return null;
        }

        var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan);
        return node.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } declaration
            ? context.GetSemanticModel(tree).GetDeclaredSymbol(declaration, context.CancellationToken) as INamedTypeSymbol
            : null;
    }

    // For each module built somewhere in the compilation: true when every creation lies in another module's code,
    // or in an assembly-internal factory method whose every call does (ports build blocks by kind in a static factory).
    private static Dictionary<INamedTypeSymbol, bool> WhereBuilt(SuppressionAnalysisContext context, IEnumerable<INamedTypeSymbol> modules, KnownSymbols symbols)
    {
        var names = modules.Select(m => m.Name).ToImmutableHashSet();
        var wanted = modules.ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var byParentsOnly = new Dictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        var factories = new Dictionary<IMethodSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        foreach (var (node, model) in Find<BaseObjectCreationExpressionSyntax>(context, creation => creation is not ObjectCreationExpressionSyntax { Type: var type } || names.Contains(RightmostName(type))))
        {
            // `new()` names no type, so it is bound; `new Name(...)` is bound only when Name is a reported module's.
            if (model.GetTypeInfo(node, context.CancellationToken).Type is not INamedTypeSymbol { OriginalDefinition: var created }
                || !wanted.Contains(created))
            {
                continue;
            }

            var enclosing = model.GetEnclosingSymbol(node.SpanStart, context.CancellationToken);
            if (enclosing is IMethodSymbol { MethodKind: MethodKind.Ordinary } factory
                && !symbols.IsTorchModule(factory.ContainingType)
                && !IsVisibleOutsideAssembly(factory))
            {
                // Decided below, from the factory's calls.
                if (!factories.TryGetValue(factory.OriginalDefinition, out var built))
                {
                    factories[factory.OriginalDefinition] = built = [];
                }

                built.Add(created);
                continue;
            }

            Record(byParentsOnly, created, IsOtherModulesCode(enclosing, created, symbols));
        }

        if (factories.Count > 0)
        {
            var calledByModulesOnly = FactoryCallers(context, factories.Keys, symbols);
            foreach (var factory in factories)
            {
                // A factory never called builds its modules nowhere that registers them.
                var byParents = calledByModulesOnly.TryGetValue(factory.Key, out var onlyModules) && onlyModules;
                foreach (var created in factory.Value)
                {
                    Record(byParentsOnly, created, byParents);
                }
            }
        }

        return byParentsOnly;
    }

    // For each factory called somewhere: true when every call lies in a module's code. A factory passed as a
    // method group is not seen as called; if that is all, its modules keep their report.
    private static Dictionary<IMethodSymbol, bool> FactoryCallers(SuppressionAnalysisContext context, IEnumerable<IMethodSymbol> factories, KnownSymbols symbols)
    {
        var names = factories.Select(f => f.Name).ToImmutableHashSet();
        var wanted = factories.ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var byModulesOnly = new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        foreach (var (node, model) in Find<InvocationExpressionSyntax>(context, call => names.Contains(InvokedName(call.Expression))))
        {
            if (model.GetSymbolInfo(node, context.CancellationToken).Symbol is not IMethodSymbol { OriginalDefinition: var target }
                || !wanted.Contains(target))
            {
                continue;
            }

            var callerType = TorchSharpModuleScope.OwningType(model.GetEnclosingSymbol(node.SpanStart, context.CancellationToken));
            Record(byModulesOnly, target, callerType is not null && symbols.IsTorchModule(callerType));
        }

        return byModulesOnly;
    }

    // The syntax nodes of kind T that pass the cheap name test, each with its tree's semantic model (made only for trees with a candidate).
    private static IEnumerable<(T Node, SemanticModel Model)> Find<T>(SuppressionAnalysisContext context, System.Func<T, bool> candidate)
        where T : SyntaxNode
    {
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(context.CancellationToken).DescendantNodes().OfType<T>())
            {
                if (candidate(node))
                {
                    model ??= context.GetSemanticModel(tree);
                    yield return (node, model);
                }
            }
        }
    }

    // A factory other assemblies can call hands its modules out as they are (a library's public API), whoever calls it here.
    private static bool IsVisibleOutsideAssembly(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOtherModulesCode(ISymbol? enclosing, INamedTypeSymbol created, KnownSymbols symbols)
    {
        var builder = TorchSharpModuleScope.OwningType(enclosing);
        return builder is not null
            && !SymbolEqualityComparer.Default.Equals(builder.OriginalDefinition, created)
            && symbols.IsTorchModule(builder);
    }

    // True stays true only while every site seen says true.
    private static void Record<TSymbol>(Dictionary<TSymbol, bool> onlyThere, TSymbol symbol, bool there)
        where TSymbol : ISymbol
        => onlyThere[symbol] = there && (!onlyThere.TryGetValue(symbol, out var sofar) || sofar);

    private static string InvokedName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    private static string RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
