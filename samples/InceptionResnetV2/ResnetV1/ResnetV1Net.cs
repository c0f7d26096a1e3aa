using System;
using System.Collections.Generic;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Slim;
using Parity.Slim.Layers;
using Parity.Slim.Weights;
using TorchSharp;
using static Parity.Compat.VariableScopes;
using static Parity.Slim.Layers.SlimLayers;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.ResnetV1;

/// <summary>
/// ResNet v1 50 (He et al., 2015, arXiv:1512.03385) in the legacy scoped-variable style, laid out as
/// TF-Slim's <c>nets/resnet_v1.py</c> and <c>nets/resnet_utils.py</c>: a 7×7 stride-2 <c>conv2d_same</c>
/// and a 3×3 SAME max pool, four blocks of bottleneck units (3, 4, 6, 3) whose stride sits on the
/// block's last unit, global average pooling and a 1×1 conv classifier, so its variables carry
/// TF-Slim's names and shapes (<c>resnet_v1_50/block1/unit_1/bottleneck_v1/shortcut/weights</c> is [1, 1, 64, 256]).
/// </summary>
/// <remarks>
/// Feature-map sizes in the comments are for 224×224 input. As in the tf-slim version of
/// <c>resnet_v1</c>, the logits keep their 1×1 spatial axes: (batch, 1, 1, classes).
/// </remarks>
public static class ResnetV1Net
{
    /// <summary>The name of the network's outer scope.</summary>
    public const string Scope = "resnet_v1_50";

    /// <summary><c>resnet_v1_50</c>'s blocks: (scope, base depth, units, stride of the last unit).</summary>
    private static readonly (string Scope, long BaseDepth, int Units, long Stride)[] Blocks =
    [
        ("block1", 64, 3, 2), // 28 x 28 x 256
        ("block2", 128, 4, 2), // 14 x 14 x 512
        ("block3", 256, 6, 2), // 7 x 7 x 1024
        ("block4", 512, 3, 1), // 7 x 7 x 2048
    ];

    /// <summary>
    /// slim's <c>resnet_arg_scope</c>: conv2d with He (variance-scaling) weights, L2 weight decay, ReLU
    /// and batch norm (decay 0.997, epsilon 1e-5, scaled); max pooling SAME.
    /// </summary>
    /// <param name="weightDecay">Scale of slim's L2 regularizer.</param>
    /// <param name="batchNormDecay">Decay of the moving averages.</param>
    /// <param name="batchNormEpsilon">Added to the variance.</param>
    /// <param name="batchNormScale">Whether batch norm learns gamma.</param>
    /// <returns>The saved scope, to open with <see cref="ArgScope.Open(SavedArgScope)"/>.</returns>
    public static SavedArgScope ArgScopeFor(double weightDecay = 0.0001, double batchNormDecay = 0.997, double batchNormEpsilon = 1e-5, bool batchNormScale = true)
    {
        var batchNormParams = new SlimArgs { Decay = batchNormDecay, Epsilon = batchNormEpsilon, Scale = batchNormScale };
        using (ArgScope.Open(
            [SlimOp.Conv2d],
            new SlimArgs
            {
                WeightsRegularizer = SlimRegularizers.L2(weightDecay),
                WeightsInitializer = SlimInitializers.VarianceScaling(),
                ActivationFn = Relu,
                NormalizerFn = BatchNormalizer,
                NormalizerParams = batchNormParams,
            }))
        using (ArgScope.Open([SlimOp.BatchNorm], batchNormParams))
        using (ArgScope.Open([SlimOp.MaxPool2d], new SlimArgs { Padding = Padding.Same }))
        {
            return ArgScope.Current;
        }
    }

    /// <summary>
    /// slim's <c>resnet_v1_50</c> with global pooling and a classifier: the endpoints are the root conv,
    /// every unit, every block, the logits and the predictions, under slim's collection names.
    /// </summary>
    /// <param name="inputs">NHWC images.</param>
    /// <param name="numClasses">Classifier size.</param>
    /// <param name="isTraining">Batch norm's training mode.</param>
    /// <returns>The (batch, 1, 1, classes) logits and the endpoints.</returns>
    [RequiresVariableStore]
    public static InceptionOutput Build(Tensor inputs, long numClasses = 1000, bool isTraining = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var endpoints = new List<KeyValuePair<string, Tensor>>();
        using (VariableScope(Scope))
        using (ArgScope.Open([SlimOp.BatchNorm], new SlimArgs { IsTraining = isTraining }))
        {
            var net = Conv2dSame(inputs, 64, 7, stride: 2, scope: "conv1"); // 112 x 112 x 64
            endpoints.Add(new($"{Scope}/conv1", net));
            net = MaxPool2d(net, 3, stride: 2, scope: "pool1"); // 56 x 56 x 64
            foreach (var (blockScope, baseDepth, units, stride) in Blocks)
            {
                using (VariableScope(blockScope))
                {
                    for (var i = 1; i <= units; i++)
                    {
                        using (VariableScope($"unit_{i}"))
                        {
                            net = Bottleneck(net, baseDepth * 4, baseDepth, i == units ? stride : 1);
                            endpoints.Add(new($"{Scope}/{blockScope}/unit_{i}/bottleneck_v1", net));
                        }
                    }
                }

                endpoints.Add(new($"{Scope}/{blockScope}", net));
            }

            net = net.mean([1, 2], keepdim: true); // pool5: 1 x 1 x 2048
            var logits = Conv2d(net, numClasses, 1, activationFn: null, normalizerFn: null, scope: "logits");
            endpoints.Add(new($"{Scope}/logits", logits));
            endpoints.Add(new("predictions", logits.softmax(-1)));
            return new InceptionOutput(logits, endpoints);
        }
    }

    /// <summary>
    /// slim's bottleneck unit (<c>bottleneck_v1</c>): 1×1 to the bottleneck depth, 3×3 <c>conv2d_same</c>
    /// with the unit's stride, linear 1×1 back to <paramref name="depth"/>, added to the shortcut (the
    /// input subsampled when the depths agree, else a linear strided 1×1 conv), then ReLU.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="depth">Output depth.</param>
    /// <param name="depthBottleneck">Bottleneck depth.</param>
    /// <param name="stride">The unit's stride.</param>
    /// <returns>The unit's output.</returns>
    [RequiresVariableStore]
    public static Tensor Bottleneck(Tensor inputs, long depth, long depthBottleneck, long stride)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var intermediates = torch.NewDisposeScope();
        using (VariableScope("bottleneck_v1"))
        {
            var shortcut = inputs.size(3) == depth
                ? Subsample(inputs, stride)
                : Conv2d(inputs, depth, 1, stride: stride, activationFn: null, scope: "shortcut");
            var residual = Conv2d(inputs, depthBottleneck, 1, stride: 1, scope: "conv1");
            residual = Conv2dSame(residual, depthBottleneck, 3, stride, scope: "conv2");
            residual = Conv2d(residual, depth, 1, stride: 1, activationFn: null, scope: "conv3");
            return (shortcut + residual).relu().MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// slim's <c>conv2d_same</c>: with stride 1 a SAME conv; with a larger stride the input is first
    /// zero-padded by (k − 1)/2 before and the rest after, whatever its size, then convolved VALID. TF's
    /// SAME on an even input pads one cell less before, so the two differ there.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="numOutputs">Output channels.</param>
    /// <param name="kernelSize">Square kernel size.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="scope">The conv's scope.</param>
    /// <returns>NHWC output.</returns>
    [RequiresVariableStore]
    public static Tensor Conv2dSame(Tensor inputs, long numOutputs, long kernelSize, long stride, string scope)
    {
        if (stride == 1)
        {
            return Conv2d(inputs, numOutputs, kernelSize, stride: 1, padding: Padding.Same, scope: scope);
        }

        var before = (kernelSize - 1) / 2;
        var after = kernelSize - 1 - before;
        using var nchw = Nhwc.ToNchw(inputs, nameof(Conv2dSame));
        using var padded = nn.functional.pad(nchw, [before, after, before, after]);
        using var nhwc = Nhwc.ToNhwc(padded);
        return Conv2d(nhwc, numOutputs, kernelSize, stride: stride, padding: Padding.Valid, scope: scope);
    }

    /// <summary>slim's <c>subsample</c>: a 1×1 max pool with the stride (the input itself for stride 1).</summary>
    private static Tensor Subsample(Tensor inputs, long factor) =>
        factor == 1 ? inputs.alias() : MaxPool2d(inputs, 1, stride: factor, scope: "shortcut");
}
