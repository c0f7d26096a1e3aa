using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// PAR3001: a custom TorchSharp module declares component fields (submodules, parameters, tensors) but no
/// code of the class calls <c>RegisterComponents()</c> (or registers anything explicitly), so
/// <c>parameters()</c>, <c>state_dict()</c> and <c>to(device)</c> do not see them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingRegisterComponentsAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.MissingRegisterComponents,
        "TorchSharp module with component fields never calls RegisterComponents()",
        "TorchSharp module '{0}' has component fields ('{1}') but never calls RegisterComponents(); call it at the end of the constructor so its parameters and submodules are registered",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "A custom TorchSharp module finds its parameters, buffers and submodules only once RegisterComponents() (or register_module/register_parameter/register_buffer) has recorded them. Without it the optimizer gets no parameters, state_dict() saves nothing and to(device) leaves the weights behind.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is not { HasTorchSharp: true } symbols)
            {
                return;
            }

            start.RegisterSymbolStartAction(
                typeStart =>
                {
                    var type = (INamedTypeSymbol)typeStart.Symbol;
                    if (!TorchSharpComponents.IsCustomModule(type, symbols))
                    {
                        return;
                    }

                    var firstField = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => !f.IsStatic && TorchSharpComponents.IsComponent(f.Type, symbols));
                    if (firstField is null)
                    {
                        return;
                    }

                    var registers = 0;
                    typeStart.RegisterSyntaxNodeAction(
                        invocation =>
                        {
                            if (TorchSharpComponents.CallsOneOf(invocation, TorchSharpComponents.RegistrationNames, symbols))
                            {
                                Interlocked.Exchange(ref registers, 1);
                            }
                        },
                        SyntaxKind.InvocationExpression);
                    typeStart.RegisterSymbolEndAction(end =>
                    {
                        if (Volatile.Read(ref registers) == 0)
                        {
                            var fieldName = firstField.AssociatedSymbol?.Name ?? firstField.Name;
                            end.ReportDiagnostic(Diagnostic.Create(Rule, type.Locations[0], type.Name, fieldName));
                        }
                    });
                },
                SymbolKind.NamedType);
        });
    }
}
