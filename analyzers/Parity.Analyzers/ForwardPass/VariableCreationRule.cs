using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;
using Parity.Analyzers.TorchSharp;

namespace Parity.Analyzers.ForwardPass;

/// <summary>
/// PAR1001: a forward pass creates a variable (a <c>[CreatesVariable]</c> constructor or factory, a
/// TorchSharp <c>Parameter</c>) without a create-once guard, so every call makes a fresh weight.
/// </summary>
internal static class VariableCreationRule
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.VariableCreatedInForwardPass,
        "Variable created in forward pass",
        "'{0}' creates a new variable on every call of forward pass '{1}'; create it once (in the constructor or behind a create-once guard)",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A forward pass runs on every call of the model. A variable created there is a fresh weight each time: training never accumulates and loaded checkpoints are ignored. Create the variable in the constructor, behind 'field ??= ...', or through the get-or-create variable store.");

    /// <summary>The same rule in a plain TorchSharp module, in TorchSharp's terms.</summary>
    internal static readonly DiagnosticDescriptor TorchSharpRule = DescriptorFactory.Create(
        AnalyzerIds.VariableCreatedInForwardPass,
        "Variable created in forward pass",
        "'{0}' makes a new Parameter on every call of '{1}', starting from its initial value each time, and it is never registered: parameters(), state_dict() and the optimizer never see it; create it once, in the constructor before RegisterComponents()",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A TorchSharp module's forward runs on every call. A Parameter constructed there is a new tensor each time and is not registered with the module: the optimizer never updates it, state_dict() does not save it and a loaded checkpoint never reaches it. Construct it in the constructor, before RegisterComponents(), and keep it in a field.");

    /// <summary>The same rule for a creation in a helper that a forward pass calls per call, reported at the compilation's end.</summary>
    internal static readonly DiagnosticDescriptor ThroughHelperRule = DescriptorFactory.Create(
        AnalyzerIds.VariableCreatedInForwardPass,
        "Variable created in forward pass",
        "'{0}' creates a new variable on every call of forward pass '{1}', through '{2}', which it calls; create the variable once, in the constructor",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A helper method or property that the forward pass calls on every call runs on every call too: a variable or Parameter created there is a fresh weight each time (and, in a TorchSharp module, is never registered). Create it once, in the constructor, and let the helper use it. Reported when the whole compilation has been analysed.",
        compilationEnd: true);

    /// <summary>The rule's descriptors, main one first.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rule, TorchSharpRule, ThroughHelperRule);

    /// <summary>Reports the operation of <paramref name="context"/> when it breaks the rule.</summary>
    public static void Analyze(ForwardPassOperationContext context, KnownSymbols symbols)
    {
        var created = context.Operation switch
        {
            IObjectCreationOperation { Constructor: { } constructor } creation when CreatesVariable(constructor, creation.Type, symbols) => creation.Type!.Name,
            IInvocationOperation invocation when CreatesVariable(invocation.TargetMethod, symbols) => invocation.TargetMethod.Name,
            _ => null,
        };

        if (created is not null && !CreateOnceGuards.IsCreatedOnce(context.Operation, symbols) && !IsOptimizedPerCall(context.Operation))
        {
            context.ReportCreation(TorchSharpComponents.IsCustomModule(context.ContainingType, symbols) ? TorchSharpRule : Rule, ThroughHelperRule, created);
        }
    }

    private static bool CreatesVariable(IMethodSymbol constructor, ITypeSymbol? type, KnownSymbols symbols)
        => KnownSymbols.HasAttribute(constructor.OriginalDefinition, symbols.CreatesVariable) || symbols.IsTorchParameter(type);

    private static bool CreatesVariable(IMethodSymbol method, KnownSymbols symbols)
        => KnownSymbols.HasAttribute(method.OriginalDefinition, symbols.CreatesVariable)
            || (symbols.IsTorchNnFactory(method) && symbols.IsTorchParameter(method.ReturnType));

    /// <summary>
    /// True when the created parameter is kept in a local that the same method hands to a TorchSharp
    /// optimizer: a per-input optimisation (an adversarial perturbation, a latent fitted per sample), fresh
    /// on purpose.
    /// </summary>
    private static bool IsOptimizedPerCall(IOperation creation)
    {
        var value = creation;
        while (value.Parent is IConversionOperation)
        {
            value = value.Parent;
        }

        if (value.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } })
        {
            return false;
        }

        foreach (var operation in OperationTree.RootOf(value).Descendants())
        {
            var target = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation { Constructor: { } constructor } => constructor,
                _ => null,
            };
            if (target is not null
                && IsInOptim(target.ContainingType)
                && operation.Descendants().Any(o => o is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)))
            {
                return true;
            }
        }

        return false;
    }

    // The optimizer factories (torch.optim.SGD, Adam, ...) are what take parameters to train.
    private static bool IsInOptim(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.Name == "optim" && current.ContainingType is { Name: "torch", ContainingNamespace.Name: "TorchSharp" })
            {
                return true;
            }
        }

        return false;
    }
}
