using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Compat;

/// <summary>
/// The scope a compat layer runs in: its explicit name, or the first free of <c>base</c>,
/// <c>base_1</c>, ... under the current scope. A struct so the layer path allocates nothing for it.
/// </summary>
internal readonly struct LayerScope : IDisposable
{
    private readonly ScopeState scopes;

    private LayerScope(VariableStore store, ScopeState scopes, ScopeFrame frame)
    {
        Store = store;
        this.scopes = scopes;
        Frame = frame;
    }

    public VariableStore Store { get; }

    public ScopeFrame Frame { get; }

    public static LayerScope Open(string? name, string baseName, string api)
    {
        var (store, scopes) = CallFrame.RequireStore(api);
        CheckLayerName(name, baseName, api);

        var frame = scopes.Open(name ?? scopes.UniqueName(baseName), Reuse.Inherit, null, null);
        return new LayerScope(store, scopes, frame);
    }

    /// <summary>
    /// Opens and closes the scope of a layer without variables (dropout, flatten, pooling) so name
    /// counters move as they do in TF; without an active store there is nothing to count.
    /// </summary>
    public static void Reserve(string? name, string baseName, string api)
    {
        CheckLayerName(name, baseName, api);
        if (CallFrame.Current?.Scopes is { } scopes)
        {
            scopes.Close(scopes.Open(name ?? scopes.UniqueName(baseName), Reuse.Inherit, null, null));
        }
    }

    /// <summary>A layer's optional name: null asks for an automatic one, anything else must be a valid scope name.</summary>
    public static void CheckLayerName(string? name, string baseName, string api)
    {
        if (name is { Length: 0 })
        {
            throw new ArgumentException($"{api} was given an empty name. Pass a name such as '{baseName}', or null for an automatic one.", nameof(name));
        }

        if (name is not null)
        {
            ScopeNames.Check(name, api, baseName);
        }
    }

    /// <summary>The training mode a layer uses when the caller did not say: the current call's, else inference.</summary>
    public static bool Training(bool? training) => training ?? CallFrame.Current?.Training ?? false;

    /// <summary>
    /// Gets or creates <paramref name="name"/> in this layer's scope; without an initializer or
    /// regularizer the scope's defaults apply, as they do for <c>GetVariable</c>.
    /// </summary>
    public Variable Variable(string name, long[] shape, ScalarType dtype, Initializer? initializer, Regularizer? regularizer, bool trainable)
    {
        var fullName = Frame.Qualify(name);
        return Store.FindShared(fullName, shape, dtype, Frame.Reuse) ?? Store.GetOrCreate(
            new VariableCreationArgs(
                fullName,
                shape,
                dtype,
                trainable,
                initializer ?? Frame.Initializer ?? Initializers.DefaultFor(dtype),
                regularizer ?? Frame.Regularizer),
            ShapeSource.Specified,
            Frame.Reuse,
            forLayer: true);
    }

    public void Dispose() => scopes.Close(Frame);
}
