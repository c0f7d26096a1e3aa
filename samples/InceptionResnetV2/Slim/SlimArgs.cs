using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Slim;

/// <summary>
/// The defaults TF-Slim's <c>arg_scope</c> hands to its layers. A record, so a nested scope changes
/// one default with <c>with</c> and leaves the rest to the enclosing scope.
/// </summary>
/// <param name="WeightDecay">Scale of slim's L2 regularizer (scale·Σw²/2) on conv and fully connected weights and biases; 0 for none.</param>
/// <param name="BatchNormDecay">Decay of the batch-norm moving averages.</param>
/// <param name="BatchNormEpsilon">Added to the batch-norm variance.</param>
/// <param name="BatchNormScale">Whether batch norm learns a <c>gamma</c> (slim's default is false; the guide turns it on).</param>
/// <param name="Activation">Activation of conv layers; null for linear.</param>
/// <param name="ConvPadding">Default padding of conv layers.</param>
/// <param name="PoolPadding">Default padding of pooling layers.</param>
/// <param name="IsTraining">Mode of batch norm and dropout.</param>
public sealed record SlimArgs(
    double WeightDecay,
    double BatchNormDecay,
    double BatchNormEpsilon,
    bool BatchNormScale,
    Func<Tensor, Tensor>? Activation,
    Padding ConvPadding,
    Padding PoolPadding,
    bool IsTraining)
{
    /// <summary>Slim's own defaults: no regularizer, decay 0.999, epsilon 0.001, no gamma, ReLU, SAME convs, VALID pools, training.</summary>
    public static SlimArgs Defaults { get; } = new(0.0, 0.999, 0.001, false, Relu, Padding.Same, Padding.Valid, true);

    /// <summary>The regularizer for weights and biases, or null when <see cref="WeightDecay"/> is 0.</summary>
    public Regularizer? Regularizer => WeightDecay > 0 ? Regularizers.SlimL2(WeightDecay) : null;

    /// <summary>ReLU, the usual conv activation.</summary>
    /// <param name="x">Pre-activation.</param>
    /// <returns>max(x, 0).</returns>
    public static Tensor Relu(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.relu();
    }
}
