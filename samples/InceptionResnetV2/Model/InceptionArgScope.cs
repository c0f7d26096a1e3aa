using System;
using Parity.Samples.InceptionResnetV2.Slim;

namespace Parity.Samples.InceptionResnetV2.Model;

/// <summary>
/// TF-Slim's <c>inception_resnet_v2_arg_scope</c>: slim L2 weight decay on the weights and biases of
/// conv and fully connected layers, batch norm after every conv with the given decay and epsilon,
/// ReLU activations.
/// </summary>
public static class InceptionArgScope
{
    /// <summary>Opens the arg scope until disposed.</summary>
    /// <param name="weightDecay">Scale of slim's L2 regularizer (scale·Σw²/2).</param>
    /// <param name="batchNormDecay">Decay of the moving averages.</param>
    /// <param name="batchNormEpsilon">Added to the variance.</param>
    /// <param name="batchNormScale">Whether batch norm learns gamma; the migration guide passes true.</param>
    /// <returns>The scope.</returns>
    public static IDisposable Push(double weightDecay = 0.00004, double batchNormDecay = 0.9997, double batchNormEpsilon = 0.001, bool batchNormScale = false) =>
        SlimArgScope.Push(args => args with
        {
            WeightDecay = weightDecay,
            BatchNormDecay = batchNormDecay,
            BatchNormEpsilon = batchNormEpsilon,
            BatchNormScale = batchNormScale,
            Activation = SlimArgs.Relu,
        });
}
