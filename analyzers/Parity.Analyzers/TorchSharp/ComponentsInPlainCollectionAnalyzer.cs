using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// PAR3002: a custom TorchSharp module keeps submodules or parameters in an array or a
/// <c>System.Collections</c> collection (List, Dictionary, ...). <c>RegisterComponents()</c> does not look
/// inside those, so the elements are not registered; <c>ModuleList</c>/<c>ModuleDict</c> and
/// <c>ParameterList</c>/<c>ParameterDict</c> are the registered equivalents.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ComponentsInPlainCollectionAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.ComponentsInPlainCollection,
        "TorchSharp submodules or parameters kept in an unregistered collection",
        "'{0}' keeps TorchSharp {1}s in '{2}', which RegisterComponents() does not look into; use {3} so they are registered",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "RegisterComponents() registers fields that are modules, parameters or tensors. Arrays, lists and dictionaries are none of these, so the modules and parameters inside them are invisible to parameters(), state_dict() and to(device). ModuleList, ModuleDict, ParameterList and ParameterDict are modules themselves and register their elements.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { HasTorchSharp: true } symbols)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => Analyze(symbol, symbols), SymbolKind.Field, SymbolKind.Property);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        // An auto-property is analyzed through its backing field, reported at the property.
        var field = context.Symbol switch
        {
            IFieldSymbol { IsImplicitlyDeclared: false } declared => declared,
            IPropertySymbol property => BackingField(property),
            _ => null,
        };
        if (field is null
            || field.IsStatic
            || symbols.IsTorchModule(field.Type)
            || !TorchSharpComponents.IsCustomModule(field.ContainingType, symbols)
            || ElementOf(field.Type, symbols) is not { } element)
        {
            return;
        }

        var kind = TorchSharpComponents.Kind(element, symbols);
        var replacement = kind == "parameter" ? "ParameterList or ParameterDict" : "ModuleList or ModuleDict";
        var owner = field.AssociatedSymbol ?? field;
        var location = owner.Locations.Length > 0 ? owner.Locations[0] : Location.None;
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, owner.Name, kind, field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), replacement));
    }

    private static IFieldSymbol? BackingField(IPropertySymbol property)
    {
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The module or parameter type held by an array or a System.Collections type, if any.</summary>
    private static ITypeSymbol? ElementOf(ITypeSymbol type, KnownSymbols symbols)
    {
        if (type is IArrayTypeSymbol array)
        {
            return TorchSharpComponents.IsModuleOrParameter(array.ElementType, symbols) ? array.ElementType : null;
        }

        if (type is not INamedTypeSymbol { IsGenericType: true } named || !IsSystemCollections(named.ContainingNamespace))
        {
            return null;
        }

        foreach (var argument in named.TypeArguments)
        {
            if (TorchSharpComponents.IsModuleOrParameter(argument, symbols))
            {
                return argument;
            }
        }

        return null;
    }

    private static bool IsSystemCollections(INamespaceSymbol? ns)
    {
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            if (current.Name == "Collections" && current.ContainingNamespace is { Name: "System" } system && system.ContainingNamespace.IsGlobalNamespace)
            {
                return true;
            }
        }

        return false;
    }
}
