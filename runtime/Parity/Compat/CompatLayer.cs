using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Compat;

/// <summary>
/// An object-style compat layer (what <c>tf.compat.v1.layers.Conv2D(...)</c> objects are): it wraps a
/// call of a functional compat layer, takes its name on its first call (its own, or the first free of
/// <c>base</c>, <c>base_1</c>, ... under the current scope) and passes that name on every later call,
/// so it keeps using the same variables of the caller's store. Hold it in a field; its variables are
/// then tracked with the module's.
/// </summary>
/// <remarks>
/// This is the step between functional compat code and native layers that keeps checkpoint names:
/// <c>new CompatLayer("conv2d", (x, name) =&gt; Layers.Conv2d(x, 3, 3, name: name))</c>.
/// Call it from the same scope every time, as the functional code it replaces did.
/// </remarks>
/// <param name="baseName">The functional layer's default name (<c>conv2d</c>, <c>dense</c>, ...).</param>
/// <param name="layer">Calls the functional layer on the input with the name it is given.</param>
/// <param name="name">A fixed name; null takes a unique one from <paramref name="baseName"/> on the first call.</param>
public sealed class CompatLayer(string baseName, Func<Tensor, string, Tensor> layer, string? name = null) : Module<Tensor, Tensor>(CheckName(name))
{
    private string? scopeName = name;
    private string? fullName;
    private VariableStore? store;

    /// <summary>The layer's full scope name (<c>model/conv2d</c>) once called; before that its given or base name.</summary>
    public override string Name => fullName ?? scopeName ?? baseName;

    /// <inheritdoc/>
    protected internal override IEnumerable<Variable> OwnVariables =>
        store is not null && fullName is not null ? store.VariablesUnder(fullName + "/") : [];

    /// <summary>One of the layer's variables by its short name (<c>kernel</c>, <c>bias</c>), once created.</summary>
    /// <param name="variableName">The name inside the layer's scope.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="InvalidOperationException">The layer has not been called yet, or has no such variable.</exception>
    public Variable Weight(string variableName)
    {
        var wanted = $"{fullName ?? throw new InvalidOperationException("The layer has no variables before its first call; call it first.")}/{variableName}";
        foreach (var variable in OwnVariables)
        {
            if (variable.Name == wanted)
            {
                return variable;
            }
        }

        throw new InvalidOperationException($"Layer {fullName} has no variable '{variableName}'.");
    }

    /// <summary>Runs the wrapped functional layer under the layer's name.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The output.</returns>
    protected override Tensor Forward(Tensor input)
    {
        var (activeStore, scopes) = CallFrame.RequireStore($"CompatLayer '{scopeName ?? baseName}'");
        if (scopeName is null)
        {
            ScopeNames.Check(baseName, nameof(CompatLayer), "conv2d", nameof(baseName));
            scopeName = scopes.UniqueName(baseName);
        }

        fullName ??= scopes.Current.Qualify(scopeName);
        store ??= activeStore;
        return layer(input, scopeName);
    }

    private static string? CheckName(string? name)
    {
        LayerScope.CheckLayerName(name, "conv2d", nameof(CompatLayer));
        return name;
    }
}
