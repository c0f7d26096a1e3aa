using System;
using System.Collections.Generic;
using Parity.Slim;
using static Parity.Compat.VariableScopes;
using static Parity.Slim.Layers.SlimLayers;
using static TorchSharp.torch;

namespace Parity.Samples.ResnetV1.Model;

/// <summary>
/// ResNet v1 (He et al., 2015, arXiv:1512.03385) in the legacy scoped-variable style, laid out as TF-Slim's
/// <c>nets/resnet_v1.py</c>: the root block (<c>conv1</c>, a 7×7 stride-2 <c>conv2d_same</c>, and a 3×3
/// stride-2 SAME max pool), blocks of bottleneck units with batch norm after every conv and the stride
/// on each block's last unit, global average pooling and a 1×1 conv classifier. Its variables carry
/// TF-Slim's names and shapes (<c>resnet_v1_50/block1/unit_1/bottleneck_v1/shortcut/weights</c> is
/// [1, 1, 64, 256]), in slim's creation order.
/// </summary>
/// <remarks>
/// Every default not set here comes from the enclosing <see cref="ArgScope"/> (see
/// <see cref="ResnetArgScope"/>). Slim's <c>output_stride</c> (atrous convolution) is left out: with its
/// default, None, the network is exactly this one. Feature-map sizes in the comments are for 224×224.
/// </remarks>
public static class ResnetV1Net
{
    /// <summary>The scope <c>resnet_v1_50</c> opens.</summary>
    public const string Resnet50Scope = "resnet_v1_50";

    /// <summary>slim's ResNet-50 blocks: 3, 4, 6 and 3 units of base depth 64, 128, 256 and 512; the first three end with stride 2.</summary>
    public static IReadOnlyList<ResnetBlock> Resnet50Blocks { get; } =
    [
        ResnetBlock.V1("block1", baseDepth: 64, numUnits: 3, stride: 2), // 28 x 28 x 256
        ResnetBlock.V1("block2", baseDepth: 128, numUnits: 4, stride: 2), // 14 x 14 x 512
        ResnetBlock.V1("block3", baseDepth: 256, numUnits: 6, stride: 2), // 7 x 7 x 1024
        ResnetBlock.V1("block4", baseDepth: 512, numUnits: 3, stride: 1), // 7 x 7 x 2048
    ];

    /// <summary>slim's <c>resnet_v1_50</c>: <see cref="Build"/> with <see cref="Resnet50Blocks"/> under <see cref="Resnet50Scope"/>.</summary>
    /// <param name="inputs">NHWC images, (batch, height, width, 3).</param>
    /// <param name="numClasses">Classifier size.</param>
    /// <param name="isTraining">Training mode of batch norm.</param>
    /// <returns>The logits and the endpoints.</returns>
    [RequiresVariableStore]
    public static ResnetOutput Resnet50(Tensor inputs, long numClasses, bool isTraining) =>
        Build(inputs, Resnet50Blocks, numClasses, isTraining, Resnet50Scope);

    /// <summary>
    /// slim's <c>resnet_v1</c> generator with global pooling and spatial squeeze: the root block, the
    /// blocks (<c>stack_blocks_dense</c>), the mean over height and width (<c>global_pool</c>), the linear
    /// 1×1 <c>logits</c> conv with biases, squeezed to (batch, classes), and softmax <c>predictions</c>.
    /// </summary>
    /// <param name="inputs">NHWC images.</param>
    /// <param name="blocks">The blocks, in order.</param>
    /// <param name="numClasses">Classifier size.</param>
    /// <param name="isTraining">Training mode of batch norm.</param>
    /// <param name="scope">The network's scope.</param>
    /// <returns>The logits and the endpoints.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numClasses"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> is not 4-D, or reads as NCHW.</exception>
    [RequiresVariableStore]
    public static ResnetOutput Build(Tensor inputs, IReadOnlyList<ResnetBlock> blocks, long numClasses, bool isTraining, string scope)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        CheckImages(inputs, scope);
        var endpoints = new List<KeyValuePair<string, Tensor>>();
        using (var network = VariableScope(scope))
        using (ArgScope.Open([SlimOp.BatchNorm], new SlimArgs { IsTraining = isTraining }))
        {
            var net = Collect(endpoints, $"{network.Name}/conv1", ResnetUtils.Conv2dSame(inputs, 64, 7, stride: 2, scope: "conv1")); // 112 x 112 x 64
            net = MaxPool2d(net, 3, stride: 2, scope: "pool1"); // 56 x 56 x 64
            net = StackBlocksDense(net, blocks, endpoints);

            net = Collect(endpoints, "global_pool", net.mean([1, 2], keepdim: true)); // 1 x 1 x 2048
            net = Collect(endpoints, $"{network.Name}/logits", Conv2d(net, numClasses, 1, activationFn: null, normalizerFn: null, scope: "logits"));
            var logits = Collect(endpoints, $"{network.Name}/spatial_squeeze", net.squeeze(2).squeeze(1));
            endpoints.Add(new("predictions", logits.softmax(-1)));
            return new ResnetOutput(logits, endpoints);
        }
    }

    /// <summary>
    /// slim's <c>stack_blocks_dense</c> at the nominal stride: <c>block/unit_1</c>, <c>block/unit_2</c>, ...
    /// each one call of the block's unit function, the block's output collected under the block's scope name.
    /// </summary>
    /// <param name="net">NHWC input.</param>
    /// <param name="blocks">The blocks, in order.</param>
    /// <param name="endpoints">Receives the endpoints in order.</param>
    /// <returns>The last block's output.</returns>
    [RequiresVariableStore]
    public static Tensor StackBlocksDense(Tensor net, IReadOnlyList<ResnetBlock> blocks, List<KeyValuePair<string, Tensor>> endpoints)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var block in blocks)
        {
            using var blockScope = VariableScope(block.Scope);
            for (var i = 0; i < block.Units.Count; i++)
            {
                using (VariableScope($"unit_{i + 1}"))
                {
                    net = block.UnitFunction(net, block.Units[i], endpoints);
                }
            }

            Collect(endpoints, blockScope.Name, net);
        }

        return net;
    }

    /// <summary>
    /// slim's v1 <c>bottleneck</c> unit in scope <c>bottleneck_v1</c>: the shortcut (a linear 1×1
    /// <c>shortcut</c> conv with batch norm when the depth changes, else the input subsampled by the
    /// stride), <c>conv1</c> 1×1, <c>conv2</c> 3×3 <c>conv2d_same</c> with the stride, <c>conv3</c> 1×1
    /// linear, then ReLU of the sum. Each conv's output and the unit's output are endpoints.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="depth">Output channels.</param>
    /// <param name="depthBottleneck">Channels of conv1 and conv2.</param>
    /// <param name="stride">The unit's stride.</param>
    /// <param name="endpoints">Receives the endpoints in order.</param>
    /// <returns>The unit's output.</returns>
    [RequiresVariableStore]
    public static Tensor Bottleneck(Tensor inputs, long depth, long depthBottleneck, long stride, List<KeyValuePair<string, Tensor>> endpoints)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(endpoints);
        using var unit = VariableScope("bottleneck_v1");
        var name = unit.Name;
        var shortcut = inputs.size(3) == depth
            ? ResnetUtils.Subsample(inputs, stride, "shortcut")
            : Collect(endpoints, $"{name}/shortcut", Conv2d(inputs, depth, 1, stride: stride, activationFn: null, scope: "shortcut"));
        var residual = Collect(endpoints, $"{name}/conv1", Conv2d(inputs, depthBottleneck, 1, stride: 1, scope: "conv1"));
        residual = Collect(endpoints, $"{name}/conv2", ResnetUtils.Conv2dSame(residual, depthBottleneck, 3, stride, scope: "conv2"));
        residual = Collect(endpoints, $"{name}/conv3", Conv2d(residual, depth, 1, stride: 1, activationFn: null, scope: "conv3"));
        return Collect(endpoints, name, (shortcut + residual).relu());
    }

    /// <summary>
    /// Refuses images that are not NHWC before conv1 builds a kernel for them: (batch, 3, 224, 224) would
    /// silently become a 3×224 image with 224 channels and a [7, 7, 224, 64] kernel.
    /// </summary>
    private static void CheckImages(Tensor inputs, string scope)
    {
        if (inputs.dim() != 4)
        {
            throw new ArgumentException($"{scope} takes NHWC images (batch, height, width, channels), got shape ({string.Join(", ", inputs.shape)}).", nameof(inputs));
        }

        if (inputs.size(2) == inputs.size(3) && inputs.size(1) < inputs.size(2))
        {
            throw new ArgumentException(
                $"{scope} takes NHWC images (batch, height, width, channels), TF's layout, but got shape ({string.Join(", ", inputs.shape)}), which reads as NCHW: " +
                $"{inputs.size(1)} channels of {inputs.size(2)}×{inputs.size(3)}. Pass images.permute(0, 2, 3, 1).",
                nameof(inputs));
        }
    }

    private static Tensor Collect(List<KeyValuePair<string, Tensor>> endpoints, string name, Tensor net)
    {
        endpoints.Add(new(name, net));
        return net;
    }
}
