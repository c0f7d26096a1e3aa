using Parity.Slim.Weights;
using static Parity.Compat.VariableScopes;
using static Parity.Slim.Layers.SlimLayers;
using static TorchSharp.torch;

namespace Parity.Slim.Tests.Layers;

/// <summary>
/// A small network written only with Parity.Slim calls, the way its slim original reads: arg scopes for
/// the regularizer and the normalizer, conv2d, repeat, depthwise-only and full separable_conv2d,
/// max_pool2d, conv2d_transpose, flatten, stack of fully_connected, dropout and a linear classifier.
/// </summary>
internal static class SmallSlimModel
{
    public const double WeightDecay = 0.01;

    /// <summary>(2, 8, 8, 3) images → (2, 3) logits.</summary>
    public static Tensor Build(Tensor images, bool isTraining)
    {
        var regularizer = SlimRegularizers.L2(WeightDecay);
        using (ArgScope.Open([SlimOp.Conv2d, SlimOp.SeparableConv2d, SlimOp.FullyConnected], new SlimArgs { WeightsRegularizer = regularizer }))
        using (ArgScope.Open([SlimOp.Conv2d, SlimOp.SeparableConv2d], new SlimArgs { NormalizerFn = BatchNormalizer, NormalizerParams = new SlimArgs { Scale = true }, ActivationFn = Relu6 }))
        using (ArgScope.Open([SlimOp.BatchNorm, SlimOp.Dropout], new SlimArgs { IsTraining = isTraining }))
        using (VariableScope("Small"))
        {
            var net = Conv2d(images, 4, 3, stride: 2, scope: "conv1");
            net = Repeat(net, 2, (x, scope) => Conv2d(x, 4, 3, scope: scope), scope: "conv2");
            net = SeparableConv2d(net, null, 3, scope: "dw");
            net = SeparableConv2d(net, 6, 3, depthMultiplier: 2, normalizerFn: null, scope: "sep");
            net = MaxPool2d(net, 2);
            net = Conv2dTranspose(net, 3, 2, stride: 2);
            net = Flatten(net);
            net = Stack(net, (x, units, scope) => FullyConnected(x, units, scope: scope), [8, 5], scope: "fc");
            net = Dropout(net, 0.5, scope: "drop");
            return FullyConnected(net, 3, activationFn: null, scope: "logits");
        }
    }
}
