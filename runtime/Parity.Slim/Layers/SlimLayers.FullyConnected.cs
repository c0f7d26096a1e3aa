using System;
using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Layers;

/// <summary><c>slim.fully_connected</c>.</summary>
public static partial class SlimLayers
{
    /// <summary>
    /// <c>slim.fully_connected</c>: <c>weights</c> (in, out) over the last axis, <c>biases</c> (out) unless a
    /// normalizer is set, then the normalizer and the activation (ReLU by default).
    /// </summary>
    /// <param name="inputs">Input of rank 2 or more.</param>
    /// <param name="numOutputs">Output size.</param>
    /// <param name="activationFn">Activation; null for linear.</param>
    /// <param name="normalizerFn">Normalizer instead of biases; null for none.</param>
    /// <param name="normalizerParams">The normalizer's arguments.</param>
    /// <param name="weightsInitializer">Weights initializer.</param>
    /// <param name="weightsRegularizer">Weights regularizer; null for none.</param>
    /// <param name="biasesInitializer">Biases initializer; null for no biases.</param>
    /// <param name="biasesRegularizer">Biases regularizer; null for none.</param>
    /// <param name="trainable">Whether the variables are trained.</param>
    /// <param name="scope">The layer's scope; the first free of <c>fully_connected</c>, ... when null.</param>
    /// <returns>The output, last axis <paramref name="numOutputs"/>.</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor FullyConnected(
        Tensor inputs,
        long numOutputs,
        Arg<Func<Tensor, Tensor>?> activationFn = default,
        Arg<Normalizer?> normalizerFn = default,
        Arg<SlimArgs?> normalizerParams = default,
        Initializer? weightsInitializer = null,
        Arg<Regularizer?> weightsRegularizer = default,
        Arg<Initializer?> biasesInitializer = default,
        Arg<Regularizer?> biasesRegularizer = default,
        bool? trainable = null,
        string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(numOutputs, 1);
        var args = ArgScope.Resolve(SlimOp.FullyConnected, new SlimArgs
        {
            ActivationFn = activationFn, NormalizerFn = normalizerFn, NormalizerParams = normalizerParams, WeightsInitializer = weightsInitializer,
            WeightsRegularizer = weightsRegularizer, BiasesInitializer = biasesInitializer, BiasesRegularizer = biasesRegularizer, Trainable = trainable,
        });
        var inputUnits = DenseOp.InputUnits(inputs, nameof(FullyConnected));

        using var intermediates = torch.NewDisposeScope();
        using var layer = LayerScope.Open(scope, "fully_connected", nameof(FullyConnected));
        var weights = Weights(layer, "weights", [inputUnits, numOutputs], inputs.dtype, args);
        var biases = Biases(layer, numOutputs, inputs.dtype, args);
        var outputs = DenseOp.Apply(inputs, weights.Value, biases?.Value, null, nameof(FullyConnected));
        var net = NormalizeAndActivate(outputs, args);
        return net.MoveToOuterDisposeScope();
    }
}
