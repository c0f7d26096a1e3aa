using System;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Compat;

/// <summary>Layer normalization with Keras's variable names, creation order and defaults.</summary>
public static partial class Layers
{
    /// <summary>
    /// Layer normalization over the last axis (Keras's <c>LayerNormalization</c> with its defaults):
    /// <c>(x − mean) / sqrt(var + epsilon) · gamma + beta</c>, with the mean and the biased variance of
    /// each position's last axis. Variables <c>gamma</c> (when scaled) then <c>beta</c> (when centered),
    /// one value per element of the last axis.
    /// </summary>
    /// <param name="inputs">Input of rank 1 or more; the last axis is normalized.</param>
    /// <param name="epsilon">Added to the variance (Keras's default 0.001, not libtorch's 1e-5).</param>
    /// <param name="center">Whether to add <c>beta</c>.</param>
    /// <param name="scale">Whether to multiply by <c>gamma</c>.</param>
    /// <param name="betaInitializer">Default zeros.</param>
    /// <param name="gammaInitializer">Default ones.</param>
    /// <param name="betaRegularizer">Regularizer of beta.</param>
    /// <param name="gammaRegularizer">Regularizer of gamma.</param>
    /// <param name="trainable">Whether gamma and beta are trained.</param>
    /// <param name="name">Layer (scope) name; automatic (<c>layer_normalization</c>, ...) when null.</param>
    /// <returns>The normalized output, same shape as the input.</returns>
    [ScopedLayer("name")]
    [RequiresVariableStore]
    public static Tensor LayerNormalization(
        Tensor inputs,
        double epsilon = 0.001,
        bool center = true,
        bool scale = true,
        Initializer? betaInitializer = null,
        Initializer? gammaInitializer = null,
        Regularizer? betaRegularizer = null,
        Regularizer? gammaRegularizer = null,
        bool trainable = true,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() < 1)
        {
            throw new ArgumentException($"LayerNormalization needs an input of rank 1 or more, got shape {ShapeFormat.Format(inputs.shape)}.", nameof(inputs));
        }

        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "LayerNormalization needs a positive epsilon.");
        }

        long[] features = [inputs.size(-1)];
        using var scope = LayerScope.Open(name, "layer_normalization", nameof(LayerNormalization));
        var gamma = scale ? scope.Variable("gamma", features, inputs.dtype, gammaInitializer ?? Initializers.Ones(), gammaRegularizer, trainable) : null;
        var beta = center ? scope.Variable("beta", features, inputs.dtype, betaInitializer ?? Initializers.Zeros(), betaRegularizer, trainable) : null;
        try
        {
            return nn.functional.layer_norm(inputs, features, gamma?.Value, beta?.Value, epsilon);
        }
        catch (ExternalException error)
        {
            throw LibTorchErrors.ForLayer(nameof(LayerNormalization), error);
        }
    }
}
