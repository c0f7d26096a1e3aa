using System;
using Parity.Slim;
using Parity.Slim.Layers;
using Parity.Slim.Weights;

namespace Parity.Samples.InceptionResnetV2.Model;

/// <summary>
/// TF-Slim's <c>inception_resnet_v2_arg_scope</c>: slim L2 weight decay on the weights and biases of
/// conv and fully connected layers, batch norm after every conv with the given decay and epsilon,
/// ReLU activations.
/// </summary>
public static class InceptionArgScope
{
    /// <summary>The arg scope, to open with <see cref="ArgScope.Open(SavedArgScope)"/>.</summary>
    /// <param name="weightDecay">Scale of slim's L2 regularizer (scale·Σw²/2).</param>
    /// <param name="batchNormDecay">Decay of the moving averages.</param>
    /// <param name="batchNormEpsilon">Added to the variance.</param>
    /// <param name="batchNormScale">Whether batch norm learns gamma; the migration guide passes true.</param>
    /// <returns>The saved scope.</returns>
    public static SavedArgScope Create(double weightDecay = 0.00004, double batchNormDecay = 0.9997, double batchNormEpsilon = 0.001, bool batchNormScale = false)
    {
        var regularizer = SlimRegularizers.L2(weightDecay);
        using (ArgScope.Open([SlimOp.Conv2d, SlimOp.FullyConnected], new SlimArgs { WeightsRegularizer = regularizer, BiasesRegularizer = regularizer }))
        using (ArgScope.Open(
            [SlimOp.Conv2d],
            new SlimArgs
            {
                ActivationFn = SlimLayers.Relu,
                NormalizerFn = SlimLayers.BatchNormalizer,
                NormalizerParams = new SlimArgs { Decay = batchNormDecay, Epsilon = batchNormEpsilon, Scale = batchNormScale },
            }))
        {
            return ArgScope.Current;
        }
    }

    /// <summary>Opens the arg scope until disposed.</summary>
    /// <param name="weightDecay">Scale of slim's L2 regularizer (scale·Σw²/2).</param>
    /// <param name="batchNormDecay">Decay of the moving averages.</param>
    /// <param name="batchNormEpsilon">Added to the variance.</param>
    /// <param name="batchNormScale">Whether batch norm learns gamma; the migration guide passes true.</param>
    /// <returns>The scope.</returns>
    public static IDisposable Push(double weightDecay = 0.00004, double batchNormDecay = 0.9997, double batchNormEpsilon = 0.001, bool batchNormScale = false) =>
        ArgScope.Open(Create(weightDecay, batchNormDecay, batchNormEpsilon, batchNormScale));
}
