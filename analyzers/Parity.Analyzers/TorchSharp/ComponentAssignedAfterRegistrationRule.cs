using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// PAR3004: a custom TorchSharp module stores a submodule or parameter into a field after
/// <c>RegisterComponents()</c> has run, and nothing registers it: in a constructor after its
/// <c>RegisterComponents()</c> call; in any constructor of a class whose base class registered in its own
/// constructor (the derived body runs afterwards, and calling <c>RegisterComponents()</c> again does nothing);
/// or in <c>forward</c> (a lazy <c>field ??= ...</c> or <c>if (field is null) field = ...</c>).
/// <c>RegisterComponents()</c> registers the fields it finds when it runs, once, so the new component is
/// invisible to <c>parameters()</c>, <c>state_dict()</c>, <c>to()</c> and <c>eval()</c>. A
/// <c>register_module</c> / <c>register_parameter</c> call that names the field in the same member clears the
/// report.
/// </summary>
internal static class ComponentAssignedAfterRegistrationRule
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.ComponentAssignedAfterRegistration,
        "TorchSharp component assigned after RegisterComponents() ran",
        "TorchSharp {0} '{1}' is assigned in '{2}' after RegisterComponents() ran, so it is never registered; assign it before RegisterComponents() in the constructor, or call {3} after assigning it",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "RegisterComponents() registers the module's fields that hold a component at the moment it runs, and later calls do nothing. A submodule or parameter stored afterwards (later in the constructor, or lazily in forward) is not in parameters(), so the optimizer never trains it, state_dict() does not save it, and to() and eval() do not reach it.");

    /// <summary>The same rule for a field a derived constructor assigns after its base class registered.</summary>
    internal static readonly DiagnosticDescriptor AfterBaseRule = DescriptorFactory.Create(
        AnalyzerIds.ComponentAssignedAfterRegistration,
        "TorchSharp component assigned after RegisterComponents() ran",
        "TorchSharp {0} '{1}' is assigned in the constructor of '{2}' after base class '{3}' ran RegisterComponents(), which registers once, so it is never registered (calling RegisterComponents() again does nothing); initialize it where it is declared, or call {4} after assigning it",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "C# runs a base constructor before the derived constructor's body. When the base constructor calls RegisterComponents(), registration is over by then, and RegisterComponents() ignores later calls: what the derived body assigns is missing from parameters() and state_dict(). Field initializers run before the base constructor, so a component initialized where it is declared is registered.");

    /// <summary>The same rule for a component of the base class that a derived constructor replaces after the base registered the old one.</summary>
    internal static readonly DiagnosticDescriptor ReplacedRule = DescriptorFactory.Create(
        AnalyzerIds.ComponentAssignedAfterRegistration,
        "TorchSharp component assigned after RegisterComponents() ran",
        "TorchSharp {0} '{1}' of base class '{3}' is assigned in the constructor of '{2}' after '{3}' ran RegisterComponents(), so parameters() and state_dict() do not see it (they keep what '{3}' registered under that name, and {4} refuses a name already registered); let the base constructor take the {0} instead",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "The base class registered what its field held when its constructor called RegisterComponents(). Assigning the field afterwards changes what forward uses but not what is registered: the optimizer trains the old component (or none), state_dict() saves it, and to() moves it, while forward runs the new one.");

    /// <summary>The rule's descriptors.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rule, AfterBaseRule, ReplacedRule);

    /// <summary>Runs the rule on one module at the end of its analysis.</summary>
    public static void Analyze(SymbolAnalysisContext context, ModuleRegistrations module, KnownSymbols symbols)
    {
        if (module.Stores.Count == 0)
        {
            return;
        }

        var registeringBase = BaseRegistration.FindRegisteringBase(module.Type, symbols, context.CancellationToken);
        foreach (var (field, store, member) in module.Stores)
        {
            if (field.IsStatic
                || !TorchSharpComponents.IsModuleOrParameter(field.Type, symbols)
                || member is not IMethodSymbol method
                || module.RegistersByHand(field, method)
                || IsAliasOfOwnComponent(store, field, module, symbols))
            {
                continue;
            }

            var kind = TorchSharpComponents.Kind(field.Type, symbols);
            var registration = kind == "parameter" ? "register_parameter" : "register_module";
            if (method.MethodKind == MethodKind.Constructor && registeringBase is not null)
            {
                var inherited = !SymbolEqualityComparer.Default.Equals(field.ContainingType.OriginalDefinition, module.Type.OriginalDefinition);
                var rule = inherited ? ReplacedRule : AfterBaseRule;
                var owner = inherited ? field.ContainingType : registeringBase;
                context.ReportDiagnostic(Diagnostic.Create(rule, store.Syntax.GetLocation(), kind, field.Name, module.Type.Name, owner.Name, registration));
            }
            else if (RunsAfterRegistration(store, method, module, symbols, registeringBase))
            {
                // A constructor reads as the compiler writes it (Block.Block()), not as its metadata name .ctor.
                var where = method.MethodKind == MethodKind.Constructor ? method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) : method.Name;
                context.ReportDiagnostic(Diagnostic.Create(Rule, store.Syntax.GetLocation(), kind, field.Name, where, registration));
            }
        }
    }

    // In a constructor: after that constructor's own RegisterComponents() call, unless the call sits in the other
    // branch of an if/else (one branch registers and returns, the other assigns and registers at its end). In a
    // forward pass: always, when the module or a base class registers, since a module is built (and registered)
    // before it is called.
    private static bool RunsAfterRegistration(IOperation store, IMethodSymbol method, ModuleRegistrations module, KnownSymbols symbols, INamedTypeSymbol? registeringBase)
    {
        if (method.MethodKind == MethodKind.Constructor)
        {
            return module.Calls.Any(c => c.Call.TargetMethod.Name == "RegisterComponents"
                && SymbolEqualityComparer.Default.Equals(c.Member, method)
                && c.Call.Syntax.SyntaxTree == store.Syntax.SyntaxTree
                && c.Call.Syntax.SpanStart < store.Syntax.SpanStart
                && !InOtherBranches(c.Call, store));
        }

        return symbols.IsForwardPass(method) && (module.Calls.Any(c => c.Call.TargetMethod.Name == "RegisterComponents") || registeringBase is not null);
    }

    /// <summary>
    /// True when <paramref name="first"/> and <paramref name="second"/> lie in the two branches of one
    /// <c>if</c>/<c>else</c> (or conditional expression), so no single run of the method executes both.
    /// </summary>
    private static bool InOtherBranches(IOperation first, IOperation second)
    {
        for (var current = second.Parent; current is not null; current = current.Parent)
        {
            // The nearest operation holding both decides.
            if (current.Syntax.Span.Contains(first.Syntax.Span))
            {
                return current is IConditionalOperation { WhenFalse: { } whenFalse } conditional
                    && conditional.WhenTrue.Syntax.Span.Contains(first.Syntax.Span)
                    && whenFalse.Syntax.Span.Contains(second.Syntax.Span);
            }
        }

        return false;
    }

    /// <summary>
    /// True when the store copies another component field of the module (<c>to_q = query</c>): the component it
    /// holds is registered under that field's name already, so parameters(), state_dict(), to() and eval() reach it.
    /// </summary>
    private static bool IsAliasOfOwnComponent(IOperation store, IFieldSymbol field, ModuleRegistrations module, KnownSymbols symbols)
    {
        var value = store is IAssignmentOperation assignment ? assignment.Value : null;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IFieldReferenceOperation { Instance: IInstanceReferenceOperation, Field: var source }
            && !SymbolEqualityComparer.Default.Equals(source, field)
            && SymbolEqualityComparer.Default.Equals(source.ContainingType.OriginalDefinition, module.Type.OriginalDefinition)
            && TorchSharpComponents.IsModuleOrParameter(source.Type, symbols);
    }
}
