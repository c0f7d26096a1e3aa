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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { HasParity: true } symbols || symbols.TrackVariables is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => Analyze(symbol, symbols), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;

        // The parts of a partial method share their attributes: the defining part answers for both.
        if (method.PartialDefinitionPart is not null)
        {
            return;
        }

        if (KnownSymbols.FindAttribute(method, symbols.TrackVariables) is not { ApplicationSyntaxReference: { } syntax })
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
            context.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(syntax.SyntaxTree, syntax.Span), method.Name, reason));
        }
    }
}
