using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// PAR3001: a custom TorchSharp module declares component fields (submodules, parameters, tensors) but no
/// code of the class calls <c>RegisterComponents()</c> (or registers anything explicitly), so
/// <c>parameters()</c>, <c>state_dict()</c> and <c>to(device)</c> do not see them.
/// </summary>
internal static class MissingRegisterComponentsRule
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.MissingRegisterComponents,
        "TorchSharp module with component fields never calls RegisterComponents()",
        "TorchSharp module '{0}' has component fields ('{1}') but never calls RegisterComponents(); call it at the end of the constructor so its parameters and submodules are registered",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "A custom TorchSharp module finds its parameters, buffers and submodules only once RegisterComponents() (or register_module/register_parameter/register_buffer) has recorded them. Without it the optimizer gets no parameters, state_dict() saves nothing and to(device) leaves the weights behind.");

    /// <summary>The rule's descriptors.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rule);

    /// <summary>Runs the rule on one module at the end of its analysis.</summary>
    public static void Analyze(SymbolAnalysisContext context, ModuleRegistrations module, KnownSymbols symbols)
    {
        // A base class that registers in its constructor has registered this module too (its field initializers
        // included); what the derived constructor assigns later is PAR3004's report.
        if (module.CallsAnyOf("RegisterComponents") || BaseRegistration.FindRegisteringBase(module.Type, symbols, context.CancellationToken) is not null)
        {
            return;
        }

        // Without RegisterComponents() a field counts as registered only if a register_* call names it; a field
        // holding a stateless layer (an activation, a pooling) has nothing to register.
        var type = module.Type;
        var firstField = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f =>
            !f.IsStatic
            && TorchSharpComponents.IsComponent(f.Type, symbols)
            && !TorchSharpComponents.IsStateless(f.Type)
            && !module.RegistersByHand(f, member: null));
        if (firstField is not null)
        {
            var fieldName = firstField.AssociatedSymbol?.Name ?? firstField.Name;
            context.ReportDiagnostic(Diagnostic.Create(Rule, type.Locations[0], type.Name, fieldName));
        }
    }
}
