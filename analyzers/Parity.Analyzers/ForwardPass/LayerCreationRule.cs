using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;
using Parity.Analyzers.TorchSharp;

namespace Parity.Analyzers.ForwardPass;

/// <summary>
/// PAR1002: a forward pass constructs a layer or module (a type carrying <c>[CreatesLayer]</c> on itself or
/// a base type, a <c>[CreatesLayer]</c> factory, any TorchSharp module or <c>torch.nn</c> module factory)
/// without a create-once guard, so every call makes a new layer with new weights.
/// </summary>
internal static class LayerCreationRule
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.LayerCreatedInForwardPass,
        "Layer created in forward pass",
        "'{0}' creates a new layer on every call of forward pass '{1}'; create it once (in the constructor or behind a create-once guard)",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A forward pass runs on every call of the model. A layer constructed there brings new weights each time, so the model never keeps what it learned. Construct the layer in the constructor, behind 'field ??= ...', or through GetOrCreateLayer.");

    /// <summary>The same rule in a plain TorchSharp module, in TorchSharp's terms.</summary>
    internal static readonly DiagnosticDescriptor TorchSharpRule = DescriptorFactory.Create(
        AnalyzerIds.LayerCreatedInForwardPass,
        "Layer created in forward pass",
        "'{0}' makes a new module with fresh weights on every call of '{1}', and it is never registered: parameters(), state_dict() and the optimizer never see it; create it once, in the constructor before RegisterComponents()",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A TorchSharp module's forward runs on every call. A submodule constructed there starts from new random weights each time and is not registered with the module, so training never reaches it, state_dict() does not save it and to(device) does not move it. Construct it in the constructor, before RegisterComponents(), and keep it in a field.");

    /// <summary>The same rule for a dropout or normalization layer, whose per-call copy also ignores <c>eval()</c>.</summary>
    internal static readonly DiagnosticDescriptor TrainingModeRule = DescriptorFactory.Create(
        AnalyzerIds.LayerCreatedInForwardPass,
        "Layer created in forward pass",
        "'{0}' creates a new layer on every call of '{1}'; a layer made per call is never registered, so it stays in training mode and eval() does not reach it: create it once, in the constructor",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A dropout or normalization layer constructed in the forward pass is a new, unregistered layer on every call: module.eval() never switches it to evaluation, so dropout keeps dropping and batch norm keeps using batch statistics at inference. Construct it once, in the constructor.");

    /// <summary>The same rule for a creation in a helper that a forward pass calls per call, reported at the compilation's end.</summary>
    internal static readonly DiagnosticDescriptor ThroughHelperRule = DescriptorFactory.Create(
        AnalyzerIds.LayerCreatedInForwardPass,
        "Layer created in forward pass",
        "'{0}' creates a new layer on every call of forward pass '{1}', through '{2}', which it calls; create the layer once, in the constructor",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A helper method or property that the forward pass calls on every call runs on every call too: a layer constructed there brings new weights each time (and, in a TorchSharp module, is never registered). Construct the layer once, in the constructor, and let the helper use it. Reported when the whole compilation has been analysed.",
        compilationEnd: true);

    /// <summary>The rule's descriptors, main one first.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rule, TorchSharpRule, TrainingModeRule, ThroughHelperRule);

    /// <summary>Reports the operation of <paramref name="context"/> when it breaks the rule.</summary>
    public static void Analyze(ForwardPassOperationContext context, KnownSymbols symbols)
    {
        var created = context.Operation switch
        {
            IObjectCreationOperation creation when symbols.IsLayerType(creation.Type) => creation.Type!.Name,
            IInvocationOperation invocation when CreatesLayer(invocation.TargetMethod, symbols) => invocation.TargetMethod.Name,
            _ => null,
        };

        // A stateless TorchSharp layer (an activation, a pooling, Identity) made per call computes the same numbers.
        if (created is null || TorchSharpComponents.IsStateless(context.Operation.Type) || CreateOnceGuards.IsCreatedOnce(context.Operation, symbols))
        {
            return;
        }

        var rule = TorchSharpComponents.HasTrainingMode(context.Operation.Type) ? TrainingModeRule
            : TorchSharpComponents.IsCustomModule(context.ContainingType, symbols) ? TorchSharpRule
            : Rule;
        context.ReportCreation(rule, ThroughHelperRule, created);
    }

    private static bool CreatesLayer(IMethodSymbol method, KnownSymbols symbols)
        => KnownSymbols.HasAttribute(method.OriginalDefinition, symbols.CreatesLayer)
            || (symbols.IsTorchNnFactory(method) && symbols.IsTorchModule(method.ReturnType));
}
