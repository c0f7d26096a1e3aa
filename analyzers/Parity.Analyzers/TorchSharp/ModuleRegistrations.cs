using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// What the code of one custom TorchSharp module does to register its components: its calls of
/// <c>RegisterComponents()</c>, <c>register_module</c>, <c>register_parameter</c> and <c>register_buffer</c>
/// on itself, and its constructors' stores into its own fields, in source order. Gathered by
/// <see cref="TorchSharpModuleScope"/> from the module's operations.
/// </summary>
internal sealed class ModuleRegistrations
{
    private readonly List<IInvocationOperation> calls = [];
    private readonly List<(IFieldSymbol Field, IOperation Store)> constructorStores = [];

    /// <summary>Creates the (empty) registrations of <paramref name="type"/>.</summary>
    public ModuleRegistrations(INamedTypeSymbol type) => Type = type;

    /// <summary>The module.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>The names of the TorchSharp methods that register components.</summary>
    public static ImmutableHashSet<string> RegistrationNames { get; } = ImmutableHashSet.Create("RegisterComponents", "register_module", "register_parameter", "register_buffer");

    /// <summary>The module's registration calls on itself.</summary>
    public IReadOnlyList<IInvocationOperation> Calls => calls;

    /// <summary>The module's constructors' stores into its own instance fields.</summary>
    public IReadOnlyList<(IFieldSymbol Field, IOperation Store)> ConstructorStores => constructorStores;

    /// <summary>True when the module calls one of <paramref name="names"/> on itself.</summary>
    public bool CallsAnyOf(params string[] names)
    {
        lock (calls)
        {
            foreach (var call in calls)
            {
                if (System.Array.IndexOf(names, call.TargetMethod.Name) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Records a registration call.</summary>
    public void AddCall(IInvocationOperation call)
    {
        lock (calls)
        {
            calls.Add(call);
        }
    }

    /// <summary>Records a constructor's store into <paramref name="field"/>.</summary>
    public void AddConstructorStore(IFieldSymbol field, IOperation store)
    {
        lock (constructorStores)
        {
            constructorStores.Add((field, store));
        }
    }
}
