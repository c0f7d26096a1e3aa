using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// PAR3002: a custom TorchSharp module keeps submodules or parameters in an array, a
/// <c>System.Collections</c> collection (List, Dictionary, ...) or a tuple, directly or nested.
/// <c>RegisterComponents()</c> does not look inside those, so the elements are not registered;
/// <c>ModuleList</c>/<c>ModuleDict</c> and <c>ParameterList</c>/<c>ParameterDict</c> are the registered
/// equivalents. A collection whose elements a <c>register_module</c> or <c>register_parameter</c> call
/// registers by hand is not reported (<see cref="ModuleRegistrations.RegistersAlongside"/>).
/// </summary>
internal static class ComponentsInPlainCollectionRule
{
    // Deep enough for List<(string, Linear[])>; real fields nest less.
    private const int MaxNesting = 4;

    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.ComponentsInPlainCollection,
        "TorchSharp submodules or parameters kept in an unregistered collection",
        "'{0}' keeps TorchSharp {1}s in '{2}', which RegisterComponents() does not look into; use {3} so they are registered",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "RegisterComponents() registers fields that are modules, parameters or tensors. Arrays, lists and dictionaries are none of these, so the modules and parameters inside them are invisible to parameters(), state_dict() and to(device). ModuleList, ModuleDict, ParameterList and ParameterDict are modules themselves and register their elements.");

    /// <summary>The rule's descriptors.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rule);

    /// <summary>Runs the rule on one module at the end of its analysis.</summary>
    public static void Analyze(SymbolAnalysisContext context, ModuleRegistrations module, KnownSymbols symbols)
    {
        var findings = new List<Diagnostic>();
        foreach (var member in module.Type.GetMembers())
        {
            // An auto-property is analyzed through its backing field and reported at the property.
            if (member is not IFieldSymbol { IsStatic: false } field
                || (field.IsImplicitlyDeclared && field.AssociatedSymbol is not IPropertySymbol)
                || symbols.IsTorchModule(field.Type)
                || ElementOf(field.Type, symbols) is not { } element)
            {
                continue;
            }

            var kind = TorchSharpComponents.Kind(element, symbols);
            var replacement = (kind == "parameter" ? "ParameterList or ParameterDict" : "ModuleList or ModuleDict")
                + (IsTuple(field.Type) ? ", or one field per element" : string.Empty);
            var owner = field.AssociatedSymbol ?? field;
            // A collection whose elements the module registers by hand is fine; each collection is judged alone,
            // so a second one the module forgets is still reported.
            if (owner.Locations.Length == 0 || module.RegistersAlongside(field))
            {
                continue;
            }

            findings.Add(Diagnostic.Create(Rule, owner.Locations[0], owner.Name, kind, field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), replacement));
        }

        foreach (var finding in findings)
        {
            context.ReportDiagnostic(finding);
        }
    }

    /// <summary>
    /// The module or parameter type held by an array, a <c>System.Collections</c> type or a tuple, looking
    /// through nesting (<c>List&lt;(string Name, Linear Layer)&gt;</c>, <c>Dictionary&lt;string, Linear[]&gt;</c>);
    /// null when none holds one.
    /// </summary>
    private static ITypeSymbol? ElementOf(ITypeSymbol type, KnownSymbols symbols, int depth = 0)
    {
        if (depth > MaxNesting)
        {
            return null;
        }

        IEnumerable<ITypeSymbol> elements = type switch
        {
            IArrayTypeSymbol array => [array.ElementType],
            INamedTypeSymbol { IsTupleType: true } tuple => tuple.TupleElements.Select(e => e.Type),
            INamedTypeSymbol { IsGenericType: true } named when IsSystemCollections(named.ContainingNamespace) || IsSystemTuple(named) => named.TypeArguments,
            _ => [],
        };

        foreach (var element in elements)
        {
            if (TorchSharpComponents.IsModuleOrParameter(element, symbols))
            {
                return element;
            }

            if (ElementOf(element, symbols, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    // System.Tuple<...>, the reference tuple; value tuples are IsTupleType.
    private static bool IsSystemTuple(INamedTypeSymbol type)
        => type.Name == "Tuple" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    private static bool IsTuple(ITypeSymbol type)
        => type is INamedTypeSymbol named && (named.IsTupleType || IsSystemTuple(named));

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
