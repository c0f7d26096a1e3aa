using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// PAR3002: a custom TorchSharp module keeps submodules or parameters in an array or a
/// <c>System.Collections</c> collection (List, Dictionary, ...). <c>RegisterComponents()</c> does not look
/// inside those, so the elements are not registered; <c>ModuleList</c>/<c>ModuleDict</c> and
/// <c>ParameterList</c>/<c>ParameterDict</c> are the registered equivalents. A class that calls
/// <c>register_module</c> or <c>register_parameter</c> is taken to register the elements by hand.
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
        TorchSharpModuleScope.Register(context, Analyze);
    }

    private static void Analyze(SymbolAnalysisContext context, ModuleRegistrations module, KnownSymbols symbols)
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
            var replacement = kind == "parameter" ? "ParameterList or ParameterDict" : "ModuleList or ModuleDict";
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
