using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// PAR3003: a custom TorchSharp module holds a submodule or parameter in an auto-property. Registration
/// then depends on the compiler-generated backing field; a field says what is meant, and a get-only
/// property can still expose it.
/// </summary>
internal static class ComponentInAutoPropertyRule
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.ComponentInAutoProperty,
        "TorchSharp module or parameter held in a property, not a field",
        "TorchSharp {1} '{0}' is held in an auto-property; keep it in a field so RegisterComponents() registers it under a name you chose",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "RegisterComponents() walks the module's fields. A get-only auto-property holding a Parameter breaks to(dtype) and to(device): TorchSharp writes the converted parameter back through the property, and there is no setter ('Property set method not found'). An auto-property's value lives in a compiler-generated backing field, so whether and under which name the component is registered depends on compiler naming rather than on the code; checkpoints written by other tools will not match. Hold the component in a field and expose it through a get-only property if needed.");

    /// <summary>The rule's descriptors.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rule);

    /// <summary>Runs the rule on one module; it reads declarations only.</summary>
    public static void Analyze(SymbolAnalysisContext context, ModuleRegistrations module, KnownSymbols symbols)
    {
        foreach (var member in module.Type.GetMembers())
        {
            // An auto-property is the property whose value lives in an implicitly declared backing field.
            if (member is IFieldSymbol { IsStatic: false, AssociatedSymbol: IPropertySymbol property } field
                && TorchSharpComponents.IsModuleOrParameter(field.Type, symbols)
                && property.Locations.Length > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, property.Locations[0], property.Name, TorchSharpComponents.Kind(field.Type, symbols)));
            }
        }
    }
}
