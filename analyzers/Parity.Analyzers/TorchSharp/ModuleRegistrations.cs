using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// What the code of one custom TorchSharp module does to register its components: its calls of
/// <c>RegisterComponents()</c>, <c>register_module</c>, <c>register_parameter</c> and <c>register_buffer</c>
/// on itself, and the stores into its own and inherited fields (<c>=</c> and <c>??=</c>), each with the member whose code
/// holds it. Gathered by <see cref="TorchSharpModuleScope"/> from the module's operations.
/// </summary>
internal sealed class ModuleRegistrations
{
    private readonly List<(IInvocationOperation Call, ISymbol Member)> calls = [];
    private readonly List<(IFieldSymbol Field, IOperation Store, ISymbol Member)> stores = [];

    /// <summary>Creates the (empty) registrations of <paramref name="type"/>.</summary>
    public ModuleRegistrations(INamedTypeSymbol type) => Type = type;

    /// <summary>The module.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>The names of the TorchSharp methods that register components.</summary>
    public static ImmutableHashSet<string> RegistrationNames { get; } = ImmutableHashSet.Create("RegisterComponents", "register_module", "register_parameter", "register_buffer");

    /// <summary>The module's registration calls on itself, with the member whose code holds each.</summary>
    public IReadOnlyList<(IInvocationOperation Call, ISymbol Member)> Calls => calls;

    /// <summary>The stores into the module's own and inherited instance fields, with the member whose code holds each.</summary>
    public IReadOnlyList<(IFieldSymbol Field, IOperation Store, ISymbol Member)> Stores => stores;

    /// <summary>
    /// True when a registration call in <paramref name="member"/> mentions <paramref name="field"/> in its
    /// arguments (<c>register_module("fc", _fc)</c>, <c>register_module($"l{i}", _layers[i])</c>), or, with
    /// <paramref name="member"/> null, when any registration call of the module does.
    /// </summary>
    public bool RegistersByHand(IFieldSymbol field, ISymbol? member)
    {
        foreach (var (call, owner) in calls)
        {
            if (call.TargetMethod.Name == "RegisterComponents"
                || (member is not null && !SymbolEqualityComparer.Default.Equals(owner, member)))
            {
                continue;
            }

            foreach (var argument in call.Arguments)
            {
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    if (operation is IFieldReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Field, field))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when a code body that registers by hand (<c>register_module</c>, ...) also uses
    /// <paramref name="field"/>: how a collection is registered element by element, whether the call names the
    /// collection (<c>register_module($"l{i}", _layers[i])</c>) or the element it adds (<c>_layers.Add(layer);
    /// register_module(name, layer)</c>).
    /// </summary>
    public bool RegistersAlongside(IFieldSymbol field)
    {
        foreach (var (call, _) in calls)
        {
            if (call.TargetMethod.Name == "RegisterComponents")
            {
                continue;
            }

            IOperation body = call;
            while (body.Parent is not null)
            {
                body = body.Parent;
            }

            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IFieldReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Field, field))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the module calls one of <paramref name="names"/> on itself.</summary>
    public bool CallsAnyOf(params string[] names)
    {
        lock (calls)
        {
            foreach (var (call, _) in calls)
            {
                if (System.Array.IndexOf(names, call.TargetMethod.Name) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Records a registration call in the code of <paramref name="member"/>.</summary>
    public void AddCall(IInvocationOperation call, ISymbol member)
    {
        lock (calls)
        {
            calls.Add((call, member));
        }
    }

    /// <summary>Records a store into <paramref name="field"/> in the code of <paramref name="member"/>.</summary>
    public void AddStore(IFieldSymbol field, IOperation store, ISymbol member)
    {
        lock (stores)
        {
            stores.Add((field, store, member));
        }
    }
}
