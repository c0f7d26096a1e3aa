using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tracking;

/// <summary>
/// PAR2002: <c>[TrackVariables]</c> on a method where it does nothing: a method that does not override a
/// <c>[ForwardPass]</c> method (abstract or not), or a static one. On an override, even an abstract one,
/// it is inherited by the overrides below it and so takes effect.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IneffectiveTrackVariablesAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.IneffectiveTrackVariables,
        "[TrackVariables] placed where it has no effect",
        "[TrackVariables] on '{0}' has no effect because {1}; put it on the module's Forward override",
        DiagnosticCategories.Tracking,
        DiagnosticSeverity.Warning,
        "Tracking is switched on by the module when it runs its forward pass, and it looks for [TrackVariables] on the Forward override it runs and on the overrides that one overrides. On any other method, or on a static one, the attribute is ignored and the variables are not tracked.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { HasParity: true } symbols || symbols.TrackVariables is null)
            {
                return;
            }

            start.RegisterSemanticModelAction(tree => Analyze(tree, symbols));
        });
    }

    // Methods and accessors are found per tree (TreeDeclarations) and only those carrying an attribute list are
    // asked for their symbol: a symbol action on every method costs the host more than this rule.
    private static void Analyze(SemanticModelAnalysisContext context, KnownSymbols symbols)
    {
        foreach (var member in TreeDeclarations.Members(context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken)))
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method when method.AttributeLists.Count > 0:
                    Analyze(context, method, symbols);
                    break;
                case BasePropertyDeclarationSyntax { AccessorList: { } accessors }:
                    foreach (var accessor in accessors.Accessors)
                    {
                        if (accessor.AttributeLists.Count > 0)
                        {
                            Analyze(context, accessor, symbols);
                        }
                    }

                    break;
            }
        }
    }

    private static void Analyze(SemanticModelAnalysisContext context, SyntaxNode declaration, KnownSymbols symbols)
    {
        // A partial method's parts share their attributes; each attribute is reported from the part that applies it.
        if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method
            || KnownSymbols.FindAttribute(method, symbols.TrackVariables) is not { ApplicationSyntaxReference: { } syntax }
            || syntax.SyntaxTree != declaration.SyntaxTree
            || !declaration.Span.Contains(syntax.Span))
        {
            return;
        }

        // An override of a forward pass, abstract or not, passes the inherited attribute to the overrides below it.
        var reason = method.IsStatic ? "it is static"
            : symbols.OverridesForwardPassMarker(method, includeSelf: false) ? null
            : method.IsAbstract ? "it is abstract and never runs itself"
            : "it does not override a forward pass such as Module<TIn, TOut>.Forward";
        if (reason is not null)
        {
            GeneratedCode.Report(context, Diagnostic.Create(Rule, Location.Create(syntax.SyntaxTree, syntax.Span), method.Name, reason));
        }
    }
}
