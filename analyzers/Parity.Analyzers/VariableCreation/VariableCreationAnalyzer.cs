using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.VariableCreation;

/// <summary>
/// PAR1001: a forward pass creates a variable (a <c>[CreatesVariable]</c> constructor or factory, a
/// TorchSharp <c>Parameter</c>) without a create-once guard, so every call makes a fresh weight.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VariableCreationAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        AnalyzerIds.VariableCreatedInForwardPass,
        "Variable created in forward pass",
        "'{0}' creates a new variable on every call of forward pass '{1}'; create it once (in the constructor or behind a create-once guard)",
        DiagnosticCategories.Creation,
        DiagnosticSeverity.Warning,
        "A forward pass runs on every call of the model. A variable created there is a fresh weight each time: training never accumulates and loaded checkpoints are ignored. Create the variable in the constructor, behind 'field ??= ...', or through the get-or-create variable store.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ForwardPassScope.Register(context, Analyze, OperationKind.ObjectCreation, OperationKind.Invocation);
    }

    private static void Analyze(ForwardPassOperationContext context, KnownSymbols symbols)
    {
        var created = context.Operation switch
        {
            IObjectCreationOperation { Constructor: { } constructor } creation when CreatesVariable(constructor, creation.Type, symbols) => creation.Type!.Name,
            IInvocationOperation invocation when CreatesVariable(invocation.TargetMethod, symbols) => invocation.TargetMethod.Name,
            _ => null,
        };

        if (created is not null && !CreateOnceGuards.IsCreatedOnce(context.Operation, symbols) && !IsOptimizedPerCall(context.Operation))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), created, context.ForwardPass.Name));
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

        var root = value;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
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
