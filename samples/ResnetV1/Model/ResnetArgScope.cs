using System;
using Parity.Slim;
using Parity.Slim.Layers;
using Parity.Slim.Weights;

namespace Parity.Samples.ResnetV1.Model;

/// <summary>
/// TF-Slim's <c>resnet_arg_scope</c> (resnet_utils.py) with its ReLU and batch norm: every conv2d gets
/// slim's L2 weight decay on its weights, variance-scaling weights (factor 2, fan-in, normal), ReLU, and
/// batch norm instead of biases; batch norm gets the decay, epsilon and scale; max pooling pads SAME.
/// </summary>
/// <remarks>
/// Slim also passes <c>updates_collections=UPDATE_OPS</c> and <c>fused=None</c>. Parity's batch norm is
/// the fused one and applies the moving-average update during the call, which is what running the
/// collected update ops with the training step gives.
/// </remarks>
public static class ResnetArgScope
{
    /// <summary>The arg scope, to open with <see cref="ArgScope.Open(SavedArgScope)"/>.</summary>
    /// <param name="weightDecay">Scale of slim's L2 regularizer (scale·Σw²/2) on conv weights.</param>
    /// <param name="batchNormDecay">Decay of the moving averages.</param>
    /// <param name="batchNormEpsilon">Added to the variance.</param>
    /// <param name="batchNormScale">Whether batch norm learns gamma.</param>
    /// <returns>The saved scope.</returns>
    public static SavedArgScope Create(double weightDecay = 0.0001, double batchNormDecay = 0.997, double batchNormEpsilon = 1e-5, bool batchNormScale = true)
    {
        var batchNormParams = new SlimArgs { Decay = batchNormDecay, Epsilon = batchNormEpsilon, Scale = batchNormScale };
        using (ArgScope.Open(
            [SlimOp.Conv2d],
            new SlimArgs
            {
                WeightsRegularizer = SlimRegularizers.L2(weightDecay),
                WeightsInitializer = SlimInitializers.VarianceScaling(),
                ActivationFn = SlimLayers.Relu,
                NormalizerFn = SlimLayers.BatchNormalizer,
                NormalizerParams = batchNormParams,
            }))
        using (ArgScope.Open([SlimOp.BatchNorm], batchNormParams))
        using (ArgScope.Open([SlimOp.MaxPool2d], new SlimArgs { Padding = Padding.Same }))
        {
            return ArgScope.Current;
        }
    }

    /// <summary>Opens the arg scope with slim's defaults until disposed.</summary>
    /// <returns>The scope.</returns>
    public static IDisposable Push() => ArgScope.Open(Create());
}
