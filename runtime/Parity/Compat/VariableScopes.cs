using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Compat;

/// <summary>
/// TF1's scoped-variable API: variable scopes, <c>GetVariable</c> (get-or-create by full name),
/// create-once layers and templates. Meant for <c>using static Parity.Compat.VariableScopes;</c>.
/// </summary>
/// <remarks>
/// Everything here needs a variable store: call it from a forward pass marked
/// <see cref="TrackVariablesAttribute"/> or inside <see cref="LegacyGraph.Run{T}(Func{T}, bool)"/>.
/// </remarks>
public static class VariableScopes
{
    /// <summary>
    /// Opens the variable scope <paramref name="name"/> below the current one until the handle is
    /// disposed. Variables and layers created inside are named <c>outer/name/...</c>; name counters
    /// below the scope reset when it closes, so unnamed layers inside get the same names every call.
    /// </summary>
    /// <param name="name">Scope name, relative to the current scope; may contain '/'.</param>
    /// <param name="reuse">TF1's reuse rule (enforced in a legacy graph; a module's store always gets-or-creates).</param>
    /// <param name="initializer">Default initializer for variables created inside without one.</param>
    /// <param name="regularizer">Default regularizer for variables created inside without one.</param>
    /// <returns>The open scope; dispose it to close.</returns>
    /// <exception cref="ArgumentException">The name is empty or has a character TF does not allow.</exception>
    [OpensVariableScope("name")]
    [RequiresVariableStore]
    public static VariableScopeHandle VariableScope(string name, Reuse reuse = Reuse.Inherit, Initializer? initializer = null, Regularizer? regularizer = null)
    {
        ScopeNames.Check(name, nameof(VariableScope), "block");
        var (_, scopes) = CallFrame.RequireStore(nameof(VariableScope));
        return new VariableScopeHandle(scopes, scopes.Open(name, reuse, initializer, regularizer));
    }

    /// <summary>
    /// Returns the variable <c>scope/name</c> from the active store, creating it the first time.
    /// </summary>
    /// <param name="name">Name relative to the current scope.</param>
    /// <param name="shape">Shape; required to create unless the initializer fixes it, and then it must be omitted.</param>
    /// <param name="dtype">Element type; must match an existing variable.</param>
    /// <param name="initializer">Initializer; default: the scope's, else glorot uniform (floats) or zeros.</param>
    /// <param name="regularizer">Regularizer; default: the scope's.</param>
    /// <param name="trainable">Whether a new variable is trained.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="ArgumentException">The request conflicts with the existing variable (shape, dtype), a fixed-value initializer is given a shape, TF1 reuse rules forbid it, or the name is empty or has a character TF does not allow (letters, digits, <c>_ . - &gt;</c> and <c>/</c> between parts are fine).</exception>
    /// <exception cref="InvalidOperationException">No store is active: the forward pass is not tracked.</exception>
    [RequiresVariableStore]
    public static Variable GetVariable(string name, long[]? shape = null, ScalarType dtype = ScalarType.Float32, Initializer? initializer = null, Regularizer? regularizer = null, bool trainable = true)
    {
        ScopeNames.Check(name, nameof(GetVariable), "kernel");
        var (store, scopes) = CallFrame.RequireStore(nameof(GetVariable));
        if (initializer?.FixedShape is not null && shape is not null)
        {
            throw new ArgumentException(
                $"If initializer is a constant, do not specify shape. GetVariable('{name}') was given the value initializer {initializer} and shape {ShapeFormat.Format(shape)}; drop the shape.",
                nameof(shape));
        }

        var frame = scopes.Current;
        var init = initializer ?? frame.Initializer ?? Initializers.DefaultFor(dtype);
        var (finalShape, source) = shape is not null
            ? ((long[])shape.Clone(), ShapeSource.Specified)
            : init.FixedShape is { } fixedShape ? (fixedShape, ShapeSource.FromInitializer) : ([], ShapeSource.Unknown);
        var args = new VariableCreationArgs(frame.Qualify(name), finalShape, dtype, trainable, init, regularizer ?? frame.Regularizer);
        return store.GetOrCreate(args, source, frame.Reuse);
    }

    /// <summary>
    /// Returns the layer kept under <paramref name="name"/> (qualified by the current scope) in the
    /// active store, building it with <paramref name="factory"/> on the first call only. The layer is
    /// tracked by the module that owns the store.
    /// </summary>
    /// <typeparam name="TLayer">The layer type.</typeparam>
    /// <param name="name">Key of the layer in the store.</param>
    /// <param name="factory">Builds the layer; runs once per store.</param>
    /// <returns>The layer.</returns>
    [RequiresVariableStore]
    public static TLayer GetOrCreateLayer<TLayer>(string name, [CreateOnce] Func<TLayer> factory)
        where TLayer : nn.Module
    {
        ScopeNames.Check(name, nameof(GetOrCreateLayer), "dense_model");
        ArgumentNullException.ThrowIfNull(factory);
        var (store, scopes) = CallFrame.RequireStore(nameof(GetOrCreateLayer));
        return store.GetOrCreateLayer(scopes.Current.Qualify(name), factory);
    }

    /// <summary>
    /// Wraps <paramref name="fn"/> so its variables are shared between calls: the first call opens a
    /// unique scope from <paramref name="name"/> under the current scope and captures it; later calls
    /// re-enter that scope with reuse. Make a template once (in a constructor), not in a forward pass.
    /// </summary>
    /// <typeparam name="TIn">The input type.</typeparam>
    /// <typeparam name="TOut">The output type.</typeparam>
    /// <param name="name">Base name of the template's scope.</param>
    /// <param name="fn">Code that uses <see cref="GetVariable"/> or compat layers.</param>
    /// <returns>The template.</returns>
    [CreatesTemplate]
    [RequiresVariableStore]
    public static Func<TIn, TOut> MakeTemplate<TIn, TOut>(string name, Func<TIn, TOut> fn)
    {
        ScopeNames.Check(name, nameof(MakeTemplate), "scale_by_y");
        ArgumentNullException.ThrowIfNull(fn);
        return new Template<TIn, TOut>(name, fn).Invoke;
    }

    /// <summary>
    /// Opens and closes the scope <paramref name="name"/> so later unnamed layers skip that name: what
    /// keeps <c>model/conv2d_2/...</c> once the layers that took <c>conv2d</c> and <c>conv2d_1</c> become native.
    /// </summary>
    /// <param name="name">The scope name to reserve under the current scope.</param>
    [RequiresVariableStore]
    public static void RecordScope(string name)
    {
        ScopeNames.Check(name, nameof(RecordScope), "conv2d");
        var (_, scopes) = CallFrame.RequireStore(nameof(RecordScope));
        scopes.Close(scopes.Open(name, Reuse.Inherit, null, null));
    }
}
