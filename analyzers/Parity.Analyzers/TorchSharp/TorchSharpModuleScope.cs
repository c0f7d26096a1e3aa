using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// Runs a TorchSharp rule once per custom TorchSharp module, after the module's code has been read for its
/// registrations (<see cref="ModuleRegistrations"/>): a symbol-start action on the module, operation actions on
/// its invocations and field stores with a cheap name or symbol test first, and the rule at the symbol's end.
/// </summary>
internal static class TorchSharpModuleScope
{
    /// <summary>Runs <paramref name="rule"/> for every custom TorchSharp module of a compilation that sees TorchSharp.</summary>
    public static void Register(AnalysisContext context, Action<SymbolAnalysisContext, ModuleRegistrations, KnownSymbols> rule)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Get(start.Compilation) is { HasTorchSharp: true } symbols)
            {
                Register(start, symbols, rule);
            }
        });
    }

    /// <summary>Runs <paramref name="rule"/> for every custom TorchSharp module of the compilation that <paramref name="start"/> begins.</summary>
    public static void Register(CompilationStartAnalysisContext start, KnownSymbols symbols, Action<SymbolAnalysisContext, ModuleRegistrations, KnownSymbols> rule)
    {
        start.RegisterSymbolStartAction(
            module =>
            {
                var type = (INamedTypeSymbol)module.Symbol;
                if (!TorchSharpComponents.IsCustomModule(type, symbols))
                {
                    return;
                }

                var registrations = new ModuleRegistrations(type);
                module.RegisterOperationAction(operation => RecordCall(operation, registrations, symbols), OperationKind.Invocation);
                module.RegisterOperationAction(operation => RecordStore(operation, registrations), OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment);
                module.RegisterSymbolEndAction(end => rule(end, registrations, symbols));
            },
            SymbolKind.NamedType);
    }

    private static void RecordCall(OperationAnalysisContext context, ModuleRegistrations registrations, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (ModuleRegistrations.RegistrationNames.Contains(invocation.TargetMethod.Name)
            && invocation.Instance is IInstanceReferenceOperation
            && symbols.IsTorchModule(invocation.TargetMethod.ContainingType)
            && IsOwnCode(context.ContainingSymbol, registrations.Type))
        {
            registrations.AddCall(invocation, context.ContainingSymbol);
        }
    }

    private static void RecordStore(OperationAnalysisContext context, ModuleRegistrations registrations)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is IFieldReferenceOperation { Instance: IInstanceReferenceOperation, Field: var field }
            && IsOwnOrInherited(field, registrations.Type)
            && IsOwnCode(context.ContainingSymbol, registrations.Type))
        {
            registrations.AddStore(field, assignment, context.ContainingSymbol);
        }
    }

    // A derived module may replace a component its base class declares.
    private static bool IsOwnOrInherited(IFieldSymbol field, INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(field.ContainingType.OriginalDefinition, current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when code whose containing symbol is <paramref name="containing"/> belongs to <paramref name="type"/> itself: a nested type's code is its own, not the module's.</summary>
    public static bool IsOwnCode(ISymbol containing, INamedTypeSymbol type)
        => SymbolEqualityComparer.Default.Equals(OwningType(containing), type);

    /// <summary>The type whose code <paramref name="containing"/> holds: a member's (field initializer, method) containing type, or the type itself.</summary>
    public static INamedTypeSymbol? OwningType(ISymbol? containing) => containing as INamedTypeSymbol ?? containing?.ContainingType;
}
