using System;
using System.Collections.Generic;
using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.InceptionResnetV2.Slim;

/// <summary>
/// The TF-Slim layers Inception-ResNet-v2 uses, on Parity's compat layers, with slim's names and
/// defaults taken from <see cref="SlimArgScope"/>: a conv or fully connected layer lives directly in
/// the scope it is given (<c>scope/weights</c>), its batch norm in <c>scope/BatchNorm</c>.
/// </summary>
public static class SlimLayers
{
    /// <summary>
    /// Slim's <c>conv2d</c>: Xavier-initialized weights, then batch norm and the arg scope's activation
    /// (no bias) when <paramref name="normalize"/>, else a zero-initialized bias; weights and bias get
    /// the arg scope's regularizer.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="numOutputs">Output channels.</param>
    /// <param name="kernelSize">Kernel (height, width).</param>
    /// <param name="scope">The layer's scope name.</param>
    /// <param name="stride">Stride; default 1.</param>
    /// <param name="padding">Padding; default the arg scope's.</param>
    /// <param name="normalize">Batch norm instead of a bias (slim's <c>normalizer_fn=slim.batch_norm</c>).</param>
    /// <param name="linear">No activation (slim's <c>activation_fn=None</c>).</param>
    /// <returns>NHWC output.</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor Conv2d(Tensor inputs, long numOutputs, Size2 kernelSize, string scope, Size2? stride = null, Padding? padding = null, bool normalize = true, bool linear = false)
    {
        var args = SlimArgScope.Current;

        // The layer's own intermediates (pre-norm output, normalized output) are freed when it returns,
        // as a module call frees its own; only the output leaves. Autograd keeps what backward needs.
        using var intermediates = torch.NewDisposeScope();
        Tensor net;
        using (SlimVariableNames.Use())
        {
            net = Layers.Conv2d(
                inputs,
                numOutputs,
                kernelSize,
                stride ?? 1,
                padding ?? args.ConvPadding,
                useBias: !normalize,
                kernelInitializer: Initializers.GlorotUniform(),
                kernelRegularizer: args.Regularizer,
                biasRegularizer: args.Regularizer,
                name: scope);
        }

        if (normalize)
        {
            using (VariableScope(scope))
            {
                net = BatchNorm(net);
            }
        }

        net = linear || args.Activation is null ? net : args.Activation(net);
        return net.MoveToOuterDisposeScope();
    }

    /// <summary>Slim's <c>batch_norm</c> with the arg scope's decay, epsilon, scale and mode, in scope <c>BatchNorm</c>.</summary>
    /// <param name="inputs">Channels-last input.</param>
    /// <returns>The normalized input.</returns>
    [RequiresVariableStore]
    public static Tensor BatchNorm(Tensor inputs)
    {
        var args = SlimArgScope.Current;
        return Layers.BatchNormalization(
            inputs,
            momentum: args.BatchNormDecay,
            epsilon: args.BatchNormEpsilon,
            scale: args.BatchNormScale,
            training: args.IsTraining,
            name: "BatchNorm");
    }

    /// <summary>Slim's <c>fully_connected</c> with <c>activation_fn=None</c>: Xavier weights, zero biases, both regularized.</summary>
    /// <param name="inputs">A (batch, features) input.</param>
    /// <param name="numOutputs">Output size.</param>
    /// <param name="scope">The layer's scope name.</param>
    /// <returns>(batch, numOutputs).</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor FullyConnected(Tensor inputs, long numOutputs, string scope)
    {
        var args = SlimArgScope.Current;
        using (SlimVariableNames.Use())
        {
            return Layers.Dense(
                inputs,
                numOutputs,
                kernelInitializer: Initializers.GlorotUniform(),
                kernelRegularizer: args.Regularizer,
                biasRegularizer: args.Regularizer,
                name: scope);
        }
    }

    /// <summary>Slim's <c>max_pool2d</c>.</summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="kernelSize">Window.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="scope">Scope name (pooling has no variables; the name only moves counters).</param>
    /// <param name="padding">Padding; default the arg scope's.</param>
    /// <returns>NHWC output.</returns>
    public static Tensor MaxPool2d(Tensor inputs, Size2 kernelSize, Size2 stride, string scope, Padding? padding = null) =>
        Layers.MaxPooling2d(inputs, kernelSize, stride, padding ?? SlimArgScope.Current.PoolPadding, scope);

    /// <summary>Slim's <c>avg_pool2d</c>; with SAME padding only real cells are averaged, as in TF.</summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="kernelSize">Window.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="scope">Scope name.</param>
    /// <param name="padding">Padding; default the arg scope's.</param>
    /// <returns>NHWC output.</returns>
    public static Tensor AvgPool2d(Tensor inputs, Size2 kernelSize, Size2 stride, string scope, Padding? padding = null) =>
        Layers.AveragePooling2d(inputs, kernelSize, stride, padding ?? SlimArgScope.Current.PoolPadding, scope);

    /// <summary>Slim's <c>dropout</c>, which takes the probability to <em>keep</em>; active only in training.</summary>
    /// <param name="inputs">The input.</param>
    /// <param name="keepProbability">Fraction kept.</param>
    /// <param name="scope">Scope name.</param>
    /// <returns>The output.</returns>
    public static Tensor Dropout(Tensor inputs, double keepProbability, string scope) =>
        Layers.Dropout(inputs, 1.0 - keepProbability, SlimArgScope.Current.IsTraining, scope);

    /// <summary>Slim's <c>flatten</c>: (batch, features) in NHWC element order.</summary>
    /// <param name="inputs">The input.</param>
    /// <returns>The flattened input.</returns>
    public static Tensor Flatten(Tensor inputs) => Layers.Flatten(inputs, "Flatten");

    /// <summary>
    /// Slim's <c>repeat</c>: applies <paramref name="layer"/> <paramref name="repetitions"/> times inside
    /// <paramref name="scope"/>, the i-th call in scope <c>{name}_{i}</c> counting from 1.
    /// </summary>
    /// <remarks>
    /// Slim opens the scope under the default name <c>Repeat</c>, which TF makes unique per parent
    /// (<c>Repeat</c>, <c>Repeat_1</c>, ...); Parity's public scopes take explicit names, so the caller
    /// passes the name slim would have chosen.
    /// </remarks>
    /// <param name="inputs">The first input.</param>
    /// <param name="repetitions">How many times.</param>
    /// <param name="scope">The scope around the repeats.</param>
    /// <param name="name">The layer's name (slim takes the function's name, e.g. <c>block35</c>).</param>
    /// <param name="layer">The layer: (input, scope) → output.</param>
    /// <returns>The last output.</returns>
    [RequiresVariableStore]
    public static Tensor Repeat(Tensor inputs, int repetitions, string scope, string name, Func<Tensor, string, Tensor> layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        using (VariableScope(scope))
        {
            var net = inputs;
            for (var i = 1; i <= repetitions; i++)
            {
                net = layer(net, $"{name}_{i}");
            }

            return net;
        }
    }

    /// <summary>Concatenates NHWC tensors along channels (TF's <c>tf.concat(values, 3)</c>).</summary>
    /// <param name="inputs">The branches, in order.</param>
    /// <returns>The joined tensor.</returns>
    public static Tensor ConcatChannels(params IReadOnlyList<Tensor> inputs) => Layers.Concat(inputs, axis: 3);
}
