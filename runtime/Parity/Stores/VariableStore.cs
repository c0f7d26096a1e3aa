using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;

namespace Parity;

/// <summary>
/// Variables and layers by full name: the store of one tracked module instance, or of a legacy graph.
/// </summary>
/// <remarks>
/// A legacy graph's store follows TF1's reuse rules within a run and reuses what earlier runs of the
/// same graph-building code created. A module's store gets-or-creates, as TF's shim does, with one
/// rule of TF1 kept: within one call, a layer may not take a name a layer already used in that call
/// unless its scope reuses; silently sharing the first layer's weights would hide a naming mistake
/// the legacy graph reports.
/// </remarks>
/// <param name="legacy">Whether TF1's reuse rules apply (a legacy graph's store).</param>
/// <param name="owner">The module that registers what a tracked store creates; none for a legacy graph.</param>
internal sealed class VariableStore(bool legacy, IVariableOwner? owner = null)
{
    private readonly object gate = new();
    private readonly Dictionary<string, Variable> variables = new(StringComparer.Ordinal);
    private readonly List<object> entries = [];
    private readonly Dictionary<string, torch.nn.Module> layers = new(StringComparer.Ordinal);
    private readonly HashSet<string> requestedThisRun = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> creationSites = new(StringComparer.Ordinal);

    /// <summary>Variables and layers in the order they were first created.</summary>
    public object[] Entries()
    {
        lock (gate)
        {
            return [.. entries];
        }
    }

    /// <summary>The store's own variables in creation order (layers made through it not included).</summary>
    public List<Variable> OwnVariables()
    {
        lock (gate)
        {
            var result = new List<Variable>(variables.Count);
            foreach (var entry in entries)
            {
                if (entry is Variable variable)
                {
                    result.Add(variable);
                }
            }

            return result;
        }
    }

    /// <summary>The store's own variables whose names start with <paramref name="prefix"/>, in creation order.</summary>
    public List<Variable> VariablesUnder(string prefix)
    {
        var result = OwnVariables();
        result.RemoveAll(variable => !variable.Name.StartsWith(prefix, StringComparison.Ordinal));
        return result;
    }

    /// <summary>A new run starts: a legacy graph runs its graph-building code again, or the owning module is called.</summary>
    public void BeginRun()
    {
        lock (gate)
        {
            requestedThisRun.Clear();
        }
    }

    /// <summary>
    /// Returns the variable called <paramref name="args"/>.Name, creating it through the creator chain
    /// when it does not exist yet, after TF's sharing checks.
    /// </summary>
    /// <param name="args">The request; its shape is compared with an existing variable only when the caller specified it.</param>
    /// <param name="shape">Where the shape in <paramref name="args"/> came from.</param>
    /// <param name="reuse">The scope's reuse rule; a legacy store enforces it, a module's store only for layers.</param>
    /// <param name="forLayer">Whether a layer asks (a module's store refuses a layer name used twice in one call).</param>
    public Variable GetOrCreate(VariableCreationArgs args, ShapeSource shape, Reuse reuse, bool forLayer = false)
    {
        lock (gate)
        {
            if (variables.TryGetValue(args.Name, out var found))
            {
                if (legacy || forLayer)
                {
                    CheckRequestedOnce(args.Name, found, reuse);
                }

                CheckShareable(args, shape == ShapeSource.Specified, found);
                return found;
            }

            if (legacy && reuse == Reuse.True)
            {
                throw new ArgumentException(
                    $"Variable {args.Name} does not exist, or was not created with GetVariable. Did you mean to open the scope with reuse: Reuse.Auto?");
            }

            if (shape == ShapeSource.Unknown)
            {
                throw new ArgumentException(
                    $"Shape of a new variable ({args.Name}) must be fully defined, but instead was not given. Pass a shape, or an initializer made from a value (Initializers.FromTensor).");
            }

            var created = Variable.CreateThroughChain(args);
            variables.Add(args.Name, created);
            entries.Add(created);
            requestedThisRun.Add(args.Name);
            creationSites.Add(args.Name, CallSite.OfCaller());
            owner?.Register(created);
            return created;
        }
    }

    /// <summary>
    /// The existing variable <paramref name="name"/> after TF's sharing checks, or null when the store
    /// has none (or is a legacy store, whose reuse rules need the full request): the allocation-free
    /// path a module's layers take on every call after the first. A layer that takes a name another
    /// layer used in this call, outside a reusing scope, gets TF1's "already exists" error.
    /// </summary>
    public Variable? FindShared(string name, long[] shape, torch.ScalarType dtype, Reuse reuse)
    {
        if (legacy)
        {
            return null;
        }

        lock (gate)
        {
            if (!variables.TryGetValue(name, out var found))
            {
                return null;
            }

            if (!ShapeFormat.Equal(shape, found.ShapeUnsafe) || dtype != found.DType)
            {
                // Let the full path raise the error with the request's description.
                return null;
            }

            CheckRequestedOnce(name, found, reuse);
            return found;
        }
    }

    /// <summary>Returns the layer stored under <paramref name="key"/>, building it with <paramref name="factory"/> the first time.</summary>
    public TLayer GetOrCreateLayer<TLayer>(string key, Func<TLayer> factory)
        where TLayer : torch.nn.Module
    {
        lock (gate)
        {
            if (layers.TryGetValue(key, out var existing))
            {
                return existing as TLayer ?? throw new InvalidOperationException(
                    $"GetOrCreateLayer('{key}') was first given a {existing.GetType().Name} and is now asked for a {typeof(TLayer).Name}. Use a different name for each layer.");
            }
        }

        // The factory runs outside the lock: it may create variables through this store.
        var layer = factory() ?? throw new InvalidOperationException($"The factory passed to GetOrCreateLayer('{key}') returned null; it must return the layer to keep.");
        lock (gate)
        {
            if (layers.TryGetValue(key, out var raced))
            {
                return (TLayer)raced;
            }

            layers.Add(key, layer);
            entries.Add(layer);
            owner?.RegisterLayer(key, layer);
            return layer;
        }
    }

    /// <summary>TF1's rule: outside a reusing scope, one run requests a name once; a second request is a second layer under a used name.</summary>
    /// <remarks>A module's store records the names its layers request; the first request of a call always passes.</remarks>
    private void CheckRequestedOnce(string key, Variable found, Reuse reuse)
    {
        if (requestedThisRun.Add(key) || reuse is Reuse.True or Reuse.Auto)
        {
            return;
        }

        var run = legacy ? "one run of the legacy graph" : "one call of the module";
        throw new ArgumentException(
            $"Variable {found.Name}{Requested(key, found)} already exists, disallowed. Did you mean to open the scope with reuse: Reuse.True or Reuse.Auto? " +
            $"It was requested twice in {run}: created {creationSites.GetValueOrDefault(key, "earlier")}, requested again {CallSite.OfCaller()}. " +
            "Give the second layer its own name, or open a VariableScope with reuse: Reuse.True around it to share the weights on purpose.");
    }

    private static void CheckShareable(VariableCreationArgs args, bool shapeGiven, Variable found)
    {
        if (shapeGiven && !ShapeFormat.Equal(args.Shape, found.ShapeUnsafe))
        {
            var layout = IsPermutation(args.Shape, found.ShapeUnsafe)
                ? " The sizes are the same in another order: is the input in the layout the layer expects (NHWC for compat and slim layers), and is a copied kernel in TF's layout (HWIO)?"
                : string.Empty;
            throw new ArgumentException(
                $"Trying to share variable {found.Name}{Requested(args.Name, found)}, but specified shape {ShapeFormat.Format(args.Shape)} and found shape {ShapeFormat.Format(found.ShapeUnsafe)}.{layout}");
        }

        if (args.DType != found.DType)
        {
            throw new ArgumentException(
                $"Trying to share variable {found.Name}{Requested(args.Name, found)}, but specified dtype {DTypeNames.Of(args.DType)} and found dtype {DTypeNames.Of(found.DType)}.");
        }
    }

    /// <summary>A variable creator can rename what it creates (slim's kernel → weights); errors name the variable as it exists and say what was asked.</summary>
    private static string Requested(string key, Variable found) =>
        key == found.Name ? string.Empty : $" (requested as {key})";

    private static bool IsPermutation(long[] requested, long[] existing) =>
        requested.Length == existing.Length && requested.Order().SequenceEqual(existing.Order());
}
