using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.ForwardPass;

/// <summary>
/// PAR1004: a forward pass calls a <c>[CreatesTemplate]</c> method (such as <c>MakeTemplate</c>) without a
/// create-once guard. A template shares its variables between the calls of one template; a new template
/// on every call shares nothing.
/// </summary>
internal static class TemplateCreationRule
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.TemplateCreatedInForwardPass,
        "Template created in forward pass",
        "'{0}' makes a new template on every call of forward pass '{1}'; make the template once (in the constructor or behind a create-once guard) and call it here",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A template creates its variables on its first call and reuses them on later calls of the same template. Making the template inside a forward pass gives a new template, and so new variables, on every call. Make it once and keep it in a field.");

    /// <summary>The same rule for a creation in a helper that a forward pass calls per call, reported at the compilation's end.</summary>
    internal static readonly DiagnosticDescriptor ThroughHelperRule = DescriptorFactory.Create(
        AnalyzerIds.TemplateCreatedInForwardPass,
        "Template created in forward pass",
        "'{0}' makes a new template on every call of forward pass '{1}', through '{2}', which it calls; make the template once, in the constructor, and call it there",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A helper method or property that the forward pass calls on every call runs on every call too: a template made there is a new template, with new variables, each time. Make it once, in the constructor. Reported when the whole compilation has been analysed.",
        compilationEnd: true);

    /// <summary>The rule's descriptors, main one first.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rule, ThroughHelperRule);

    /// <summary>Reports the operation of <paramref name="context"/> when it breaks the rule.</summary>
    public static void Analyze(ForwardPassOperationContext context, KnownSymbols symbols)
    {
        if (context.Operation is IInvocationOperation invocation
            && KnownSymbols.HasAttribute(invocation.TargetMethod.OriginalDefinition, symbols.CreatesTemplate)
            && !CreateOnceGuards.IsCreatedOnce(invocation, symbols))
        {
            context.ReportCreation(Rule, ThroughHelperRule, invocation.TargetMethod.Name);
        }
    }
}
