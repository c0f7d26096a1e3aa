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
/// on its own it has no parameters.
/// </summary>
/// <remarks>
/// Where a class is instantiated is a fact about the whole compilation, which a rule analysing one class cannot
/// wait for without becoming a compilation-end rule (no squiggle while typing, no code fix in the editor). A
/// suppressor sees the whole compilation and runs only when PAR3001 has reported something; it then binds only
/// the object creations whose type name is one of the reported modules'.
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

    // For each module built somewhere in the compilation: true when every creation lies in another module's code.
    private static Dictionary<INamedTypeSymbol, bool> WhereBuilt(SuppressionAnalysisContext context, IEnumerable<INamedTypeSymbol> modules, KnownSymbols symbols)
    {
        var names = modules.Select(m => m.Name).ToImmutableHashSet();
        var wanted = modules.ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var byParentsOnly = new Dictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var creation in tree.GetRoot(context.CancellationToken).DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                // `new()` names no type, so it is bound; `new Name(...)` is bound only when Name is a reported module's.
                if (creation is ObjectCreationExpressionSyntax { Type: var type } && !names.Contains(RightmostName(type)))
                {
                    continue;
                }

                model ??= context.GetSemanticModel(tree);
                if (model.GetTypeInfo(creation, context.CancellationToken).Type is not INamedTypeSymbol created
                    || !wanted.Contains(created.OriginalDefinition))
                {
                    continue;
                }

                var builder = model.GetEnclosingSymbol(creation.SpanStart, context.CancellationToken)?.ContainingType;
                var byParent = builder is not null
                    && !SymbolEqualityComparer.Default.Equals(builder.OriginalDefinition, created.OriginalDefinition)
                    && symbols.IsTorchModule(builder);
                byParentsOnly[created.OriginalDefinition] = byParent && (!byParentsOnly.TryGetValue(created.OriginalDefinition, out var sofar) || sofar);
            }
        }

        return byParentsOnly;
    }

    private static string RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
