using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.ForwardPass;

/// <summary>
/// PAR1003: a <c>[ScopedLayer]</c> call in a forward pass passes no name (the argument is omitted or null)
/// and is not lexically inside a <c>using</c> of a named <c>[OpensVariableScope]</c> call or inside the function
/// given to a <c>[CreatesTemplate]</c> method (a template runs it in its own named scope). Its
/// auto-generated name (<c>dense</c>, <c>dense_1</c>, ...) then moves on with every call, and the store
/// creates new variables each time.
/// </summary>
internal static class ScopedLayerNamingRule
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.AutoNamedScopedLayer,
        "Auto-named scoped layer outside a named variable scope",
        "'{0}' has no name and is not inside a named variable scope, so forward pass '{1}' creates new variables for it on every call; pass a stable '{2}' or open a named variable scope around it",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "An unnamed scoped layer takes the first free auto-name (dense, dense_1, ...) in its scope. Outside a named variable scope those counters never reset, so each call of the forward pass picks a new name and the variable store creates new variables under it. Give the layer an explicit name, or open a named variable scope in the forward pass so the counters reset on every call.");

    /// <summary>The rule's descriptors, main one first.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rule);

    /// <summary>Reports the operation of <paramref name="context"/> when it breaks the rule.</summary>
    public static void Analyze(ForwardPassOperationContext context, KnownSymbols symbols)
    {
        // A helper's layer names follow its caller's scopes, which this rule cannot see from the helper.
        if (context.IsInHelper
            || context.Operation is not IInvocationOperation invocation
            || KnownSymbols.FindAttribute(invocation.TargetMethod.OriginalDefinition, symbols.ScopedLayer) is not { } marker)
        {
            return;
        }

        var nameParameter = NameArguments.NameParameter(marker);
        if (NameArguments.Find(invocation, nameParameter) is not { } argument
            || NameArguments.IsNamed(argument)
            || IsInsideNamedScope(invocation, symbols)
            || CreateOnceGuards.IsInCreateOnceDelegate(invocation, symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name, context.Method.Name, nameParameter));
    }

    /// <summary>True when a <c>using</c> of a named variable scope encloses <paramref name="operation"/>.</summary>
    internal static bool IsInsideNamedScope(IOperation operation, KnownSymbols symbols)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IUsingOperation usingStatement when usingStatement.Body == child && OpensNamedScope(usingStatement.Resources, symbols):
                    return true;
                case IBlockOperation block when HasScopeDeclarationBefore(block, child, symbols):
                    return true;
                case IAnonymousFunctionOperation lambda when IsTemplateBody(lambda, symbols):
                    // A template runs its function inside the named scope it opened on its first call.
                    return true;
            }
        }

        return false;
    }

    private static bool IsTemplateBody(IAnonymousFunctionOperation lambda, KnownSymbols symbols)
        => CreateOnceGuards.ArgumentOf(lambda) is { Parent: IInvocationOperation invocation }
            && KnownSymbols.HasAttribute(invocation.TargetMethod.OriginalDefinition, symbols.CreatesTemplate);

    private static bool HasScopeDeclarationBefore(IBlockOperation block, IOperation child, KnownSymbols symbols)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return false;
            }

            if (statement is IUsingDeclarationOperation declaration && OpensNamedScope(declaration.DeclarationGroup, symbols))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OpensNamedScope(IOperation resources, KnownSymbols symbols)
    {
        foreach (var descendant in resources.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation invocation
                && KnownSymbols.FindAttribute(invocation.TargetMethod.OriginalDefinition, symbols.OpensVariableScope) is { } marker
                && NameArguments.Find(invocation, NameArguments.NameParameter(marker)) is { } name
                && NameArguments.IsNamed(name))
            {
                return true;
            }
        }

        return false;
    }
}
