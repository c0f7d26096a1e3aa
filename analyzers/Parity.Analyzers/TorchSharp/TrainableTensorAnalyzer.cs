using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// PAR3005: a custom TorchSharp module stores a tensor made to be trained (a factory called with
/// <c>requires_grad: true</c>, or <c>requires_grad_()</c>) where registration does not make it a parameter: in a
/// <c>Tensor</c> field, which <c>RegisterComponents()</c> registers as a buffer, or in a list or array of
/// tensors, which it does not look into. Either way it is missing from <c>parameters()</c>, and the optimizer
/// never trains it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrainableTensorAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor FieldRule = DescriptorFactory.Create(
        AnalyzerIds.TrainableTensorNotParameter,
        "TorchSharp tensor meant to be trained is not a parameter",
        "Tensor field '{0}' holds a tensor made with requires_grad, but RegisterComponents() registers a Tensor field as a buffer: it is not in parameters(), so the optimizer never trains it; make the field a Parameter",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "RegisterComponents() registers a field by the type of what it holds: a Parameter as a parameter, any other tensor as a buffer, whatever its requires_grad. A weight created with requires_grad: true and kept in a Tensor field is therefore saved by state_dict() but left out of parameters(): gradients flow into it, and no optimizer ever applies them. Keep it in a Parameter (nn.Parameter(tensor)), or use ParameterList for several.");

    /// <summary>The same rule for tensors added to a list or array, which registration does not look into at all.</summary>
    internal static readonly DiagnosticDescriptor CollectionRule = DescriptorFactory.Create(
        AnalyzerIds.TrainableTensorNotParameter,
        "TorchSharp tensor meant to be trained is not a parameter",
        "'{0}' keeps tensors made with requires_grad in '{1}', which RegisterComponents() does not look into: they are not in parameters(), so the optimizer never trains them; use a ParameterList",
        DiagnosticCategories.TorchSharp,
        DiagnosticSeverity.Warning,
        "RegisterComponents() registers fields that are modules, parameters or tensors; a list or an array of tensors is none of these, so tensors made to be trained and kept there are neither parameters nor buffers: no optimizer updates them, state_dict() does not save them and to(device) does not move them. ParameterList registers its elements.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(FieldRule, CollectionRule);

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

            start.RegisterOperationAction(operation => AnalyzeInitializer(operation, symbols), OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            start.RegisterOperationAction(operation => AnalyzeAssignment(operation, symbols), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(operation => AnalyzeAdd(operation, symbols), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context, KnownSymbols symbols)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation fields:
                foreach (var field in fields.InitializedFields)
                {
                    Check(context, field, field.AssociatedSymbol?.Name ?? field.Name, field.Type, field.IsStatic, fields.Value, symbols);
                }

                break;
            case IPropertyInitializerOperation properties:
                foreach (var property in properties.InitializedProperties)
                {
                    Check(context, property, property.Name, property.Type, property.IsStatic, properties.Value, symbols);
                }

                break;
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        switch (assignment.Target)
        {
            case IFieldReferenceOperation { Instance: IInstanceReferenceOperation, Field: var field }:
                Check(context, field, field.AssociatedSymbol?.Name ?? field.Name, field.Type, field.IsStatic, assignment.Value, symbols);
                break;
            case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation, Property: var property }:
                Check(context, property, property.Name, property.Type, property.IsStatic, assignment.Value, symbols);
                break;
            case IArrayElementReferenceOperation { ArrayReference: IFieldReferenceOperation { Instance: IInstanceReferenceOperation, Field: var array } }:
                CheckElement(context, array, assignment.Value, symbols);
                break;
        }
    }

    // _weights.Add(torch.randn(..., requires_grad: true))
    private static void AnalyzeAdd(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name is "Add" or "Insert"
            && invocation.Instance is IFieldReferenceOperation { Instance: IInstanceReferenceOperation, Field: var list }
            && invocation.Arguments.Length > 0)
        {
            CheckElement(context, list, invocation.Arguments[invocation.Arguments.Length - 1].Value, symbols);
        }
    }

    // A Parameter member is right; a Tensor member (a field, or an auto-property through its backing field) is
    // checked; any other type is not this rule's business.
    private static void Check(OperationAnalysisContext context, ISymbol member, string name, ITypeSymbol type, bool isStatic, IOperation value, KnownSymbols symbols)
    {
        if (isStatic
            || !SymbolEqualityComparer.Default.Equals(type, symbols.TorchTensor)
            || !IsTrainable(value, symbols)
            || !InOwnModule(context, member, symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(FieldRule, value.Syntax.GetLocation(), name));
    }

    private static void CheckElement(OperationAnalysisContext context, IFieldSymbol collection, IOperation value, KnownSymbols symbols)
    {
        if (collection.IsStatic
            || !HoldsPlainTensors(collection.Type, symbols)
            || !IsTrainable(value, symbols)
            || !InOwnModule(context, collection, symbols))
        {
            return;
        }

        var name = collection.AssociatedSymbol?.Name ?? collection.Name;
        context.ReportDiagnostic(Diagnostic.Create(CollectionRule, value.Syntax.GetLocation(), name, collection.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
    }

    // Tensor[] or a generic collection of Tensor (List<Tensor>, ...); ParameterList is a module and not one of these.
    private static bool HoldsPlainTensors(ITypeSymbol type, KnownSymbols symbols) => type switch
    {
        IArrayTypeSymbol array => SymbolEqualityComparer.Default.Equals(array.ElementType, symbols.TorchTensor),
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            => !symbols.IsTorchModule(named) && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], symbols.TorchTensor),
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="value"/> (through conversions) is a call given <c>requires_grad</c> = true: a
    /// TorchSharp factory's <c>requires_grad: true</c>, or <c>requires_grad_()</c>, whose argument defaults to true.
    /// A <c>Parameter</c> (<c>nn.Parameter(...)</c>) is registered as one whatever the member's type says.
    /// </summary>
    private static bool IsTrainable(IOperation value, KnownSymbols symbols)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is not IInvocationOperation invocation || symbols.IsTorchParameter(invocation.Type))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "requires_grad" && argument.Value.ConstantValue is { HasValue: true, Value: true })
            {
                return true;
            }
        }

        return false;
    }

    // The store is in the code of the module that declares the member, a custom TorchSharp module.
    private static bool InOwnModule(OperationAnalysisContext context, ISymbol member, KnownSymbols symbols)
        => TorchSharpModuleScope.IsOwnCode(context.ContainingSymbol, member.ContainingType)
            && TorchSharpComponents.IsCustomModule(member.ContainingType, symbols);
}
