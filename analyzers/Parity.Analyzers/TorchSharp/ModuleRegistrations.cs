using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.Core;

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
                if (References(argument.Value, field))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when the module registers the elements of the collection in <paramref name="field"/> by hand: a
    /// registration call names the collection (<c>register_module($"l{i}", _layers[i])</c>), or registers a
    /// local that the same code stores into the collection (<c>_layers.Add(layer); register_module(name, layer)</c>).
    /// Another collection filled next to it, but never registered, does not count.
    /// </summary>
    public bool RegistersAlongside(IFieldSymbol field)
    {
        foreach (var (call, _) in calls)
        {
            if (call.TargetMethod.Name == "RegisterComponents")
            {
                continue;
            }

            var registeredLocals = new List<ILocalSymbol>();
            foreach (var argument in call.Arguments)
            {
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    if (Names(operation, field))
                    {
                        return true;
                    }

                    if (operation is ILocalReferenceOperation local)
                    {
                        registeredLocals.Add(local.Local);
                    }
                }
            }

            if (registeredLocals.Count > 0 && StoresAnyInto(OperationTree.RootOf(call), field, registeredLocals))
            {
                return true;
            }
        }

        return false;
    }

    // True when the body adds or assigns one of the locals into the collection: _layers.Add(layer), _layers[i] = layer.
    private static bool StoresAnyInto(IOperation body, IFieldSymbol field, List<ILocalSymbol> locals)
    {
        foreach (var operation in body.Descendants())
        {
            // Only what is stored counts: the index in _layers.Insert(i, layer) or _layers[i] = layer is no element.
            var (target, values) = operation switch
            {
                IInvocationOperation { Instance: { } instance } invocation => (instance, invocation.Arguments.Select(a => a.Value)),
                ISimpleAssignmentOperation assignment => (assignment.Target, [assignment.Value]),
                _ => (null, Enumerable.Empty<IOperation>()),
            };
            if (target is null || !References(target, field))
            {
                continue;
            }

            if (values.SelectMany(v => v.DescendantsAndSelf()).Any(part => part is ILocalReferenceOperation reference && locals.Contains(reference.Local, SymbolEqualityComparer.Default)))
            {
                return true;
            }
        }

        return false;
    }

    // True when the operation or anything inside it names the field.
    private static bool References(IOperation operation, IFieldSymbol field)
        => operation.DescendantsAndSelf().Any(part => Names(part, field));

    /// <summary>
    /// True when <paramref name="operation"/> reads <paramref name="field"/>, directly or, for an auto-property's
    /// backing field, through the property (<c>register_buffer(nameof(weight), weight)</c>).
    /// </summary>
    private static bool Names(IOperation operation, IFieldSymbol field) => operation switch
    {
        IFieldReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Field, field),
        IPropertyReferenceOperation reference => field.AssociatedSymbol is not null && SymbolEqualityComparer.Default.Equals(reference.Property, field.AssociatedSymbol),
        _ => false,
    };

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
