using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// PAR3004: a custom TorchSharp module stores a submodule or parameter into one of its fields after
/// <c>RegisterComponents()</c> has run, and nothing registers it: in a constructor after its
/// <c>RegisterComponents()</c> call, or in <c>forward</c> (a lazy <c>field ??= ...</c> or
/// <c>if (field is null) field = ...</c>). <c>RegisterComponents()</c> registers the fields it finds when it
/// runs, once, so the new component is invisible to <c>parameters()</c>, <c>state_dict()</c>, <c>to()</c>
/// and <c>eval()</c>. A <c>register_module</c> / <c>register_parameter</c> call that names the field in the
/// same member clears the report.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ComponentAssignedAfterRegistrationAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.ComponentAssignedAfterRegistration,
        "TorchSharp component assigned after RegisterComponents() ran",
        "TorchSharp {0} '{1}' is assigned in '{2}' after RegisterComponents() ran, so it is never registered; assign it before RegisterComponents() in the constructor, or call {3} after assigning it",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "RegisterComponents() registers the module's fields that hold a component at the moment it runs, and later calls do nothing. A submodule or parameter stored afterwards (later in the constructor, or lazily in forward) is not in parameters(), so the optimizer never trains it, state_dict() does not save it, and to() and eval() do not reach it.");

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
        foreach (var (field, store, member) in module.Stores)
        {
            if (field.IsStatic
                || !TorchSharpComponents.IsModuleOrParameter(field.Type, symbols)
                || member is not IMethodSymbol method
                || !RunsAfterRegistration(store, method, module, symbols)
                || module.RegistersByHand(field, method))
            {
                continue;
            }

            var kind = TorchSharpComponents.Kind(field.Type, symbols);
            var registration = kind == "parameter" ? "register_parameter" : "register_module";
            context.ReportDiagnostic(Diagnostic.Create(Rule, store.Syntax.GetLocation(), kind, field.Name, method.Name, registration));
        }
    }

    // In a constructor: after that constructor's own RegisterComponents() call. In a forward pass: always,
    // since a module is built (and registered) before it is called.
    private static bool RunsAfterRegistration(IOperation store, IMethodSymbol method, ModuleRegistrations module, KnownSymbols symbols)
    {
        if (method.MethodKind == MethodKind.Constructor)
        {
            return module.Calls.Any(c => c.Call.TargetMethod.Name == "RegisterComponents"
                && SymbolEqualityComparer.Default.Equals(c.Member, method)
                && c.Call.Syntax.SyntaxTree == store.Syntax.SyntaxTree
                && c.Call.Syntax.SpanStart < store.Syntax.SpanStart);
        }

        return symbols.IsForwardPass(method) && module.Calls.Any(c => c.Call.TargetMethod.Name == "RegisterComponents");
    }
}
