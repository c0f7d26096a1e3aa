using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tracking;

/// <summary>
/// PAR2002: <c>[TrackVariables]</c> on a method where it does nothing: a method that does not override a
/// <c>[ForwardPass]</c> method, or one that is static or abstract.
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
        "Tracking is switched on by the module when it runs its forward pass, and it looks for [TrackVariables] on the Forward override only. On any other method, on a static method or on an abstract one, the attribute is ignored and the variables are not tracked.");

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
        if (KnownSymbols.FindAttribute(method, symbols.TrackVariables) is not { ApplicationSyntaxReference: { } syntax })
        {
            return;
        }

        var reason = method.IsStatic ? "it is static"
            : method.IsAbstract ? "it is abstract and never runs itself"
            : !symbols.OverridesForwardPassMarker(method, includeSelf: false) ? "it does not override a forward pass such as Module<TIn, TOut>.Forward"
            : null;
        if (reason is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(syntax.SyntaxTree, syntax.Span), method.Name, reason));
        }
    }
}
