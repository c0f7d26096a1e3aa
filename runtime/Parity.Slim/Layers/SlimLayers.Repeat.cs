using System;
using System.Collections.Generic;
using Parity.Compat;
using static TorchSharp.torch;

namespace Parity.Slim.Layers;

/// <summary><c>slim.repeat</c>, <c>slim.stack</c>.</summary>
public static partial class SlimLayers
{
    /// <summary>
    /// <c>slim.repeat(inputs, repetitions, layer, scope=scope)</c>: <paramref name="layer"/> applied
    /// <paramref name="repetitions"/> times inside a variable scope, the i-th time with scope
    /// <c>{name}_{i}</c> counting from 1. With <paramref name="scope"/> given, both the outer scope and
    /// <c>name</c> are it (<c>conv1/conv1_1</c>); without, the outer scope is the first free of
    /// <c>Repeat</c>, <c>Repeat_1</c>, ... and <c>name</c> is <paramref name="layerName"/> (slim takes the
    /// function's <c>__name__</c>, e.g. <c>block35</c>).
    /// </summary>
    /// <param name="inputs">The first input.</param>
    /// <param name="repetitions">How many times.</param>
    /// <param name="layer">The layer: (input, scope) → output.</param>
    /// <param name="scope">The outer scope, or null for <c>Repeat</c>.</param>
    /// <param name="layerName">The layer's function name, needed when <paramref name="scope"/> is null.</param>
    /// <returns>The last output.</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor Repeat(Tensor inputs, int repetitions, Func<Tensor, string, Tensor> layer, string? scope = null, string? layerName = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentOutOfRangeException.ThrowIfNegative(repetitions);
        var name = scope ?? layerName ?? throw new ArgumentException("Repeat without a scope names its layers after the layer function (slim uses __name__); pass layerName, e.g. \"block35\".", nameof(layerName));
        using var outer = LayerScope.Open(scope, "Repeat", nameof(Repeat));
        var net = inputs;
        for (var i = 1; i <= repetitions; i++)
        {
            net = layer(net, $"{name}_{i}");
        }

        return net;
    }

    /// <summary>
    /// <c>slim.stack(inputs, layer, stack_args, scope=scope)</c>: <paramref name="layer"/> applied once per
    /// element of <paramref name="stackArgs"/>, the i-th time with that element and scope
    /// <c>{name}_{i}</c>; the outer scope and <c>name</c> as in <see cref="Repeat"/> (default <c>Stack</c>).
    /// </summary>
    /// <typeparam name="TArg">What varies between the calls (slim's tuple of positional arguments).</typeparam>
    /// <param name="inputs">The first input.</param>
    /// <param name="layer">The layer: (input, argument, scope) → output.</param>
    /// <param name="stackArgs">One argument per call.</param>
    /// <param name="scope">The outer scope, or null for <c>Stack</c>.</param>
    /// <param name="layerName">The layer's function name, needed when <paramref name="scope"/> is null.</param>
    /// <returns>The last output.</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor Stack<TArg>(Tensor inputs, Func<Tensor, TArg, string, Tensor> layer, IReadOnlyList<TArg> stackArgs, string? scope = null, string? layerName = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(stackArgs);
        var name = scope ?? layerName ?? throw new ArgumentException("Stack without a scope names its layers after the layer function (slim uses __name__); pass layerName, e.g. \"fully_connected\".", nameof(layerName));
        using var outer = LayerScope.Open(scope, "Stack", nameof(Stack));
        var net = inputs;
        for (var i = 0; i < stackArgs.Count; i++)
        {
            net = layer(net, stackArgs[i], $"{name}_{i + 1}");
        }

        return net;
    }
}
