using System;
using System.Collections.Generic;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Slim;
using Parity.Slim.Layers;
using Parity.Slim.Weights;
using static Parity.Compat.VariableScopes;
using static Parity.Slim.Layers.SlimLayers;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.MobilenetV1;

/// <summary>
/// MobileNet v1 (Howard et al., 2017, arXiv:1704.04861) in the legacy scoped-variable style, laid out as
/// TF-Slim's <c>nets/mobilenet_v1.py</c>: a 3×3 stride-2 conv, then 13 depthwise-separable blocks (a
/// depthwise-only <c>separable_conv2d</c> and a 1×1 <c>conv2d</c>, each with batch norm and ReLU6), then
/// average pooling, dropout and a 1×1 conv classifier, so its variables carry TF-Slim's names and shapes
/// (<c>MobilenetV1/Conv2d_1_depthwise/depthwise_weights</c> is [3, 3, 32, 1]).
/// </summary>
/// <remarks>Feature-map sizes in the comments are for 224×224 input and depth multiplier 1.</remarks>
public static class MobilenetV1Net
{
    /// <summary>The name of the network's outer scope.</summary>
    public const string Scope = "MobilenetV1";

    /// <summary>slim's <c>_CONV_DEFS</c>: one full conv, then 13 depthwise-separable ones (kernel, stride, depth).</summary>
    private static readonly (bool Separable, long Kernel, long Stride, long Depth)[] ConvDefs =
    [
        (false, 3, 2, 32), // 112 x 112 x 32
        (true, 3, 1, 64), // 112 x 112 x 64
        (true, 3, 2, 128), // 56 x 56 x 128
        (true, 3, 1, 128),
        (true, 3, 2, 256), // 28 x 28 x 256
        (true, 3, 1, 256),
        (true, 3, 2, 512), // 14 x 14 x 512
        (true, 3, 1, 512),
        (true, 3, 1, 512),
        (true, 3, 1, 512),
        (true, 3, 1, 512),
        (true, 3, 1, 512),
        (true, 3, 2, 1024), // 7 x 7 x 1024
        (true, 3, 1, 1024),
    ];

    /// <summary>
    /// slim's <c>mobilenet_v1_arg_scope</c>: conv2d and separable_conv2d with truncated-normal weights,
    /// ReLU6 and batch norm (centered and scaled); L2 weight decay on conv2d weights, and on the
    /// depthwise ones only when <paramref name="regularizeDepthwise"/>.
    /// </summary>
    /// <param name="isTraining">Batch norm's training mode; null leaves it out of the scope.</param>
    /// <param name="weightDecay">Scale of slim's L2 regularizer.</param>
    /// <param name="stddev">Standard deviation of the truncated-normal weights.</param>
    /// <param name="regularizeDepthwise">Whether depthwise weights are regularized too.</param>
    /// <param name="batchNormDecay">Decay of the moving averages.</param>
    /// <param name="batchNormEpsilon">Added to the variance.</param>
    /// <returns>The saved scope, to open with <see cref="ArgScope.Open(SavedArgScope)"/>.</returns>
    public static SavedArgScope ArgScopeFor(bool? isTraining = true, double weightDecay = 0.00004, double stddev = 0.09, bool regularizeDepthwise = false, double batchNormDecay = 0.9997, double batchNormEpsilon = 0.001)
    {
        var batchNormParams = new SlimArgs { Center = true, Scale = true, Decay = batchNormDecay, Epsilon = batchNormEpsilon, IsTraining = isTraining };
        var regularizer = SlimRegularizers.L2(weightDecay);
        var depthwiseRegularizer = regularizeDepthwise ? regularizer : null;
        using (ArgScope.Open(
            [SlimOp.Conv2d, SlimOp.SeparableConv2d],
            new SlimArgs { WeightsInitializer = SlimInitializers.TruncatedNormal(stddev: stddev), ActivationFn = Relu6, NormalizerFn = BatchNormalizer }))
        using (ArgScope.Open([SlimOp.BatchNorm], batchNormParams))
        using (ArgScope.Open([SlimOp.Conv2d], new SlimArgs { WeightsRegularizer = regularizer }))
        using (ArgScope.Open([SlimOp.SeparableConv2d], new SlimArgs { WeightsRegularizer = depthwiseRegularizer }))
        {
            return ArgScope.Current;
        }
    }

    /// <summary>
    /// slim's <c>mobilenet_v1</c>: the base, then <c>Logits/AvgPool_1a</c> (7×7, or the whole map when
    /// smaller), <c>Logits/Dropout_1b</c>, the linear 1×1 <c>Logits/Conv2d_1c_1x1</c> with biases, squeezed
    /// to (batch, classes), and softmax predictions.
    /// </summary>
    /// <param name="inputs">NHWC images, (batch, height, width, 3).</param>
    /// <param name="numClasses">Classifier size.</param>
    /// <param name="dropoutKeepProbability">Fraction kept by dropout in training.</param>
    /// <param name="isTraining">Training mode of batch norm and dropout.</param>
    /// <param name="depthMultiplier">Channel multiplier of every conv.</param>
    /// <param name="minDepth">Smallest channel count when the multiplier is below 1.</param>
    /// <returns>The logits and the endpoints.</returns>
    [RequiresVariableStore]
    public static InceptionOutput Build(Tensor inputs, long numClasses = 1001, double dropoutKeepProbability = 0.999, bool isTraining = true, double depthMultiplier = 1.0, long minDepth = 8)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() != 4)
        {
            throw new ArgumentException($"MobilenetV1 expects NHWC images of rank 4, got shape ({string.Join(", ", inputs.shape)}).", nameof(inputs));
        }

        var endpoints = new List<KeyValuePair<string, Tensor>>();
        using (VariableScope(Scope))
        using (ArgScope.Open([SlimOp.BatchNorm, SlimOp.Dropout], new SlimArgs { IsTraining = isTraining }))
        {
            var net = Base(inputs, endpoints, depthMultiplier, minDepth);
            using (VariableScope("Logits"))
            {
                Size2 kernel = (Math.Min(net.size(1), 7), Math.Min(net.size(2), 7));
                net = AvgPool2d(net, kernel, padding: Padding.Valid, scope: "AvgPool_1a"); // 1 x 1 x 1024
                endpoints.Add(new("AvgPool_1a", net));
                net = Dropout(net, dropoutKeepProbability, scope: "Dropout_1b");
                var logits = Conv2d(net, numClasses, 1, activationFn: null, normalizerFn: null, scope: "Conv2d_1c_1x1");
                logits = logits.squeeze(2).squeeze(1);
                endpoints.Add(new("Logits", logits));
                endpoints.Add(new("Predictions", logits.softmax(-1)));
                return new InceptionOutput(logits, endpoints);
            }
        }
    }

    /// <summary>slim's <c>mobilenet_v1_base</c> up to <c>Conv2d_13_pointwise</c>, adding every endpoint in order.</summary>
    /// <param name="inputs">NHWC images.</param>
    /// <param name="endpoints">Receives the endpoints.</param>
    /// <param name="depthMultiplier">Channel multiplier; must be positive.</param>
    /// <param name="minDepth">Smallest channel count.</param>
    /// <returns>The <c>Conv2d_13_pointwise</c> features.</returns>
    [RequiresVariableStore]
    public static Tensor Base(Tensor inputs, List<KeyValuePair<string, Tensor>> endpoints, double depthMultiplier = 1.0, long minDepth = 8)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!(depthMultiplier > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(depthMultiplier), depthMultiplier, "depth_multiplier is not greater than zero.");
        }

        long Depth(long d) => Math.Max((long)(d * depthMultiplier), minDepth);

        using (ArgScope.Open([SlimOp.Conv2d, SlimOp.SeparableConv2d], new SlimArgs { Padding = Padding.Same }))
        {
            var net = inputs;
            for (var i = 0; i < ConvDefs.Length; i++)
            {
                var (separable, kernel, stride, depth) = ConvDefs[i];
                if (!separable)
                {
                    net = Conv2d(net, Depth(depth), kernel, stride: stride, scope: $"Conv2d_{i}");
                    endpoints.Add(new($"Conv2d_{i}", net));
                    continue;
                }

                // num_outputs None: only the depthwise convolution.
                net = SeparableConv2d(net, null, kernel, depthMultiplier: 1, stride: stride, rate: 1, scope: $"Conv2d_{i}_depthwise");
                endpoints.Add(new($"Conv2d_{i}_depthwise", net));
                net = Conv2d(net, Depth(depth), 1, stride: 1, scope: $"Conv2d_{i}_pointwise");
                endpoints.Add(new($"Conv2d_{i}_pointwise", net));
            }

            return net;
        }
    }
}
