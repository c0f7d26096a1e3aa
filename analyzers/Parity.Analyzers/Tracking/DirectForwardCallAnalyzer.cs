using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tracking;

/// <summary>
/// PAR2003: a module's forward pass (a method that is or overrides a virtual <c>[ForwardPass]</c> method)
/// is invoked directly instead of through the module's public entry, so tracking does not run.
/// <c>base.Forward(...)</c> from an override is the one direct call that is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DirectForwardCallAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.DirectForwardCall,
        "Module's Forward invoked directly, bypassing tracking",
        "'{0}' is called directly, so the module's variable tracking does not run; call the module through its public entry ('Call') instead",
        DiagnosticCategories.Tracking,
        DiagnosticSeverity.Info,
        "A module's public entry (Call) opens the module's variable store and scope before it runs Forward. Calling Forward directly skips that: a tracked module then creates its variables in whatever store is active, or fails. From an override, base.Forward(...) is fine.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { HasParity: true } symbols)
            {
                return;
            }

            start.RegisterSemanticModelAction(tree => Analyze(tree, symbols));
        });
    }

    // Cheapest test first: the text of the tree holds a forward pass's name at a call (NamedInvocations), then
    // the call's symbol, and only for a forward pass the invocation's operation. The text search replaces a
    // syntax-node action on every invocation, whose per-node dispatch by the host costs more than the rule.
    private static void Analyze(SemanticModelAnalysisContext context, KnownSymbols symbols)
    {
        var names = symbols.Declarations.ForwardPassNames;
        if (names.IsEmpty)
        {
            return;
        }

        var tree = context.SemanticModel.SyntaxTree;
        var root = tree.GetRoot(context.CancellationToken);
        foreach (var invocation in NamedInvocations.In(root, tree.GetText(context.CancellationToken), root.FullSpan, names))
        {
            Analyze(context, invocation, symbols);
        }
    }

    private static void Analyze(SemanticModelAnalysisContext context, InvocationExpressionSyntax syntax, KnownSymbols symbols)
    {
        if (context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol target
            || !(target.IsVirtual || target.IsAbstract || target.IsOverride)
            || !symbols.OverridesForwardPassMarker(target, includeSelf: true)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation
            || (!invocation.IsVirtual && invocation.Instance is IInstanceReferenceOperation))
        {
            return;
        }

        GeneratedCode.Report(context, Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), target.ContainingType.Name + "." + target.Name));
    }
}
