using System;
using System.Collections.Generic;
using Parity.Compat;
using Parity.Slim;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;
using static Parity.Slim.Layers.SlimLayers;

namespace Parity.Samples.InceptionResnetV2.Model;

/// <summary>
/// Inception-ResNet-v2 (Szegedy et al., 2016, arXiv:1602.07261) in the legacy scoped-variable style,
/// laid out as TF-Slim's <c>nets/inception_resnet_v2.py</c>: the same scope names, kernels, strides,
/// paddings, block repeats and residual scales, so its variables carry TF-Slim's names and shapes
/// (<c>InceptionResnetV2/Conv2d_1a_3x3/weights</c> is [3, 3, 3, 32]). This is the code a team has
/// before migrating; it runs unchanged in a <see cref="LegacyGraph"/> and inside a tracked module.
/// </summary>
/// <remarks>
/// Feature-map sizes in the comments are for a 299×299 input; any input of at least 75×75 flows
/// through every block (VALID paddings shrink it, <c>align_feature_maps=False</c> as in slim's default).
/// </remarks>
public static class InceptionResnetV2Net
{
    /// <summary>The name of the network's outer scope.</summary>
    public const string Scope = "InceptionResnetV2";

    /// <summary>
    /// The whole network: the base, the auxiliary head on <c>PreAuxLogits</c>, then global average
    /// pooling, dropout and the classifier. Batch norm and dropout follow
    /// <paramref name="isTraining"/>; every other default comes from the enclosing
    /// <see cref="ArgScope"/> (see <see cref="InceptionArgScope"/>).
    /// </summary>
    /// <param name="inputs">NHWC images, (batch, height, width, 3).</param>
    /// <param name="numClasses">Classifier size.</param>
    /// <param name="isTraining">Training mode of batch norm and dropout.</param>
    /// <param name="dropoutKeepProbability">Fraction of pre-logits activations kept in training.</param>
    /// <param name="createAuxLogits">Whether to build the auxiliary head.</param>
    /// <returns>The logits and the endpoints.</returns>
    [RequiresVariableStore]
    public static InceptionOutput Build(Tensor inputs, long numClasses = 1001, bool isTraining = true, double dropoutKeepProbability = 0.8, bool createAuxLogits = true)
    {
        var endpoints = new List<KeyValuePair<string, Tensor>>();
        using (VariableScope(Scope))
        using (ArgScope.Open([SlimOp.BatchNorm, SlimOp.Dropout], new SlimArgs { IsTraining = isTraining }))
        {
            var net = Base(inputs, endpoints);

            if (createAuxLogits)
            {
                using (VariableScope("AuxLogits"))
                {
                    var aux = Find(endpoints, "PreAuxLogits");
                    aux = AvgPool2d(aux, 5, stride: 3, padding: Padding.Valid, scope: "Conv2d_1a_3x3");
                    aux = Conv2d(aux, 128, 1, scope: "Conv2d_1b_1x1");
                    aux = Conv2d(aux, 768, (aux.size(1), aux.size(2)), padding: Padding.Valid, scope: "Conv2d_2a_5x5");
                    aux = Flatten(aux);
                    aux = FullyConnected(aux, numClasses, activationFn: null, scope: "Logits");
                    endpoints.Add(new("AuxLogits", aux));
                }
            }

            using (VariableScope("Logits"))
            {
                net = AvgPool2d(net, (net.size(1), net.size(2)), padding: Padding.Valid, scope: "AvgPool_1a_8x8");
                net = Flatten(net);
                net = Dropout(net, dropoutKeepProbability, scope: "Dropout");
                endpoints.Add(new("PreLogitsFlatten", net));
                var logits = FullyConnected(net, numClasses, activationFn: null, scope: "Logits");
                endpoints.Add(new("Logits", logits));
                endpoints.Add(new("Predictions", logits.softmax(-1)));
                return new InceptionOutput(logits, endpoints);
            }
        }
    }

    /// <summary>The base network up to <c>Conv2d_7b_1x1</c> (8×8×1536 at 299×299), adding each named endpoint.</summary>
    /// <param name="inputs">NHWC images.</param>
    /// <param name="endpoints">Receives the endpoints in order.</param>
    /// <returns>The <c>Conv2d_7b_1x1</c> features.</returns>
    [RequiresVariableStore]
    public static Tensor Base(Tensor inputs, List<KeyValuePair<string, Tensor>> endpoints)
    {
        // Slim's base sets stride 1 and SAME padding for convs and pools; the layers that shrink the
        // feature maps say VALID themselves.
        using var sameByDefault = ArgScope.Open([SlimOp.Conv2d, SlimOp.MaxPool2d, SlimOp.AvgPool2d], new SlimArgs { Stride = 1, Padding = Padding.Same });
        var valid = Padding.Valid;

        var net = Add(endpoints, "Conv2d_1a_3x3", Conv2d(inputs, 32, 3, stride: 2, padding: valid, scope: "Conv2d_1a_3x3")); // 149 x 149 x 32
        net = Add(endpoints, "Conv2d_2a_3x3", Conv2d(net, 32, 3, padding: valid, scope: "Conv2d_2a_3x3")); // 147 x 147 x 32
        net = Add(endpoints, "Conv2d_2b_3x3", Conv2d(net, 64, 3, scope: "Conv2d_2b_3x3")); // 147 x 147 x 64
        net = Add(endpoints, "MaxPool_3a_3x3", MaxPool2d(net, 3, stride: 2, padding: valid, scope: "MaxPool_3a_3x3")); // 73 x 73 x 64
        net = Add(endpoints, "Conv2d_3b_1x1", Conv2d(net, 80, 1, padding: valid, scope: "Conv2d_3b_1x1")); // 73 x 73 x 80
        net = Add(endpoints, "Conv2d_4a_3x3", Conv2d(net, 192, 3, padding: valid, scope: "Conv2d_4a_3x3")); // 71 x 71 x 192
        net = Add(endpoints, "MaxPool_5a_3x3", MaxPool2d(net, 3, stride: 2, padding: valid, scope: "MaxPool_5a_3x3")); // 35 x 35 x 192

        using (VariableScope("Mixed_5b")) // 35 x 35 x 320
        {
            Tensor branch0, branch1, branch2, branch3;
            using (VariableScope("Branch_0"))
            {
                branch0 = Conv2d(net, 96, 1, scope: "Conv2d_1x1");
            }

            using (VariableScope("Branch_1"))
            {
                branch1 = Conv2d(net, 48, 1, scope: "Conv2d_0a_1x1");
                branch1 = Conv2d(branch1, 64, 5, scope: "Conv2d_0b_5x5");
            }

            using (VariableScope("Branch_2"))
            {
                branch2 = Conv2d(net, 64, 1, scope: "Conv2d_0a_1x1");
                branch2 = Conv2d(branch2, 96, 3, scope: "Conv2d_0b_3x3");
                branch2 = Conv2d(branch2, 96, 3, scope: "Conv2d_0c_3x3");
            }

            using (VariableScope("Branch_3"))
            {
                branch3 = AvgPool2d(net, 3, stride: 1, padding: Padding.Same, scope: "AvgPool_0a_3x3");
                branch3 = Conv2d(branch3, 64, 1, scope: "Conv2d_0b_1x1");
            }

            net = Add(endpoints, "Mixed_5b", Layers.Concat([branch0, branch1, branch2, branch3]));
        }

        net = Repeat(net, 10, (x, scope) => Block35(x, scope, scale: 0.17, activate: true), layerName: "block35");

        using (VariableScope("Mixed_6a")) // 17 x 17 x 1088
        {
            Tensor branch0, branch1, branch2;
            using (VariableScope("Branch_0"))
            {
                branch0 = Conv2d(net, 384, 3, stride: 2, padding: valid, scope: "Conv2d_1a_3x3");
            }

            using (VariableScope("Branch_1"))
            {
                branch1 = Conv2d(net, 256, 1, scope: "Conv2d_0a_1x1");
                branch1 = Conv2d(branch1, 256, 3, scope: "Conv2d_0b_3x3");
                branch1 = Conv2d(branch1, 384, 3, stride: 2, padding: valid, scope: "Conv2d_1a_3x3");
            }

            using (VariableScope("Branch_2"))
            {
                branch2 = MaxPool2d(net, 3, stride: 2, padding: valid, scope: "MaxPool_1a_3x3");
            }

            net = Add(endpoints, "Mixed_6a", Layers.Concat([branch0, branch1, branch2]));
        }

        net = Repeat(net, 20, (x, scope) => Block17(x, scope, scale: 0.10), layerName: "block17");
        Add(endpoints, "PreAuxLogits", net);

        using (VariableScope("Mixed_7a")) // 8 x 8 x 2080
        {
            Tensor branch0, branch1, branch2, branch3;
            using (VariableScope("Branch_0"))
            {
                branch0 = Conv2d(net, 256, 1, scope: "Conv2d_0a_1x1");
                branch0 = Conv2d(branch0, 384, 3, stride: 2, padding: valid, scope: "Conv2d_1a_3x3");
            }

            using (VariableScope("Branch_1"))
            {
                branch1 = Conv2d(net, 256, 1, scope: "Conv2d_0a_1x1");
                branch1 = Conv2d(branch1, 288, 3, stride: 2, padding: valid, scope: "Conv2d_1a_3x3");
            }

            using (VariableScope("Branch_2"))
            {
                branch2 = Conv2d(net, 256, 1, scope: "Conv2d_0a_1x1");
                branch2 = Conv2d(branch2, 288, 3, scope: "Conv2d_0b_3x3");
                branch2 = Conv2d(branch2, 320, 3, stride: 2, padding: valid, scope: "Conv2d_1a_3x3");
            }

            using (VariableScope("Branch_3"))
            {
                branch3 = MaxPool2d(net, 3, stride: 2, padding: valid, scope: "MaxPool_1a_3x3");
            }

            net = Add(endpoints, "Mixed_7a", Layers.Concat([branch0, branch1, branch2, branch3]));
        }

        net = Repeat(net, 9, (x, scope) => Block8(x, scope, scale: 0.20, activate: true), layerName: "block8");

        // The last 8x8 block is linear and unscaled; slim opens it under its default name, Block8.
        net = Block8(net, "Block8", scale: 1.0, activate: false);
        return Add(endpoints, "Conv2d_7b_1x1", Conv2d(net, 1536, 1, scope: "Conv2d_7b_1x1")); // 8 x 8 x 1536
    }

    /// <summary>The 35×35 residual block: three towers, a linear 1×1 projection back to the input depth, scaled and added.</summary>
    /// <param name="net">NHWC input (320 channels in the network).</param>
    /// <param name="scope">The block's scope.</param>
    /// <param name="scale">Scale of the residual.</param>
    /// <param name="activate">Whether ReLU follows the sum.</param>
    /// <returns>The block's output, same shape as <paramref name="net"/>.</returns>
    [RequiresVariableStore]
    public static Tensor Block35(Tensor net, string scope, double scale, bool activate) => Block(() =>
    {
        using (VariableScope(scope))
        {
            Tensor tower0, tower1, tower2;
            using (VariableScope("Branch_0"))
            {
                tower0 = Conv2d(net, 32, 1, scope: "Conv2d_1x1");
            }

            using (VariableScope("Branch_1"))
            {
                tower1 = Conv2d(net, 32, 1, scope: "Conv2d_0a_1x1");
                tower1 = Conv2d(tower1, 32, 3, scope: "Conv2d_0b_3x3");
            }

            using (VariableScope("Branch_2"))
            {
                tower2 = Conv2d(net, 32, 1, scope: "Conv2d_0a_1x1");
                tower2 = Conv2d(tower2, 48, 3, scope: "Conv2d_0b_3x3");
                tower2 = Conv2d(tower2, 64, 3, scope: "Conv2d_0c_3x3");
            }

            return Residual(net, Layers.Concat([tower0, tower1, tower2]), scale, activate);
        }
    });

    /// <summary>The 17×17 residual block: a 1×1 tower and a factorized 1×7 / 7×1 tower.</summary>
    /// <param name="net">NHWC input (1088 channels in the network).</param>
    /// <param name="scope">The block's scope.</param>
    /// <param name="scale">Scale of the residual.</param>
    /// <returns>The block's output, same shape as <paramref name="net"/>.</returns>
    [RequiresVariableStore]
    public static Tensor Block17(Tensor net, string scope, double scale) => Block(() =>
    {
        using (VariableScope(scope))
        {
            Tensor tower0, tower1;
            using (VariableScope("Branch_0"))
            {
                tower0 = Conv2d(net, 192, 1, scope: "Conv2d_1x1");
            }

            using (VariableScope("Branch_1"))
            {
                tower1 = Conv2d(net, 128, 1, scope: "Conv2d_0a_1x1");
                tower1 = Conv2d(tower1, 160, (1, 7), scope: "Conv2d_0b_1x7");
                tower1 = Conv2d(tower1, 192, (7, 1), scope: "Conv2d_0c_7x1");
            }

            return Residual(net, Layers.Concat([tower0, tower1]), scale, activate: true);
        }
    });

    /// <summary>The 8×8 residual block: a 1×1 tower and a factorized 1×3 / 3×1 tower.</summary>
    /// <param name="net">NHWC input (2080 channels in the network).</param>
    /// <param name="scope">The block's scope.</param>
    /// <param name="scale">Scale of the residual.</param>
    /// <param name="activate">Whether ReLU follows the sum (false for the network's last block).</param>
    /// <returns>The block's output, same shape as <paramref name="net"/>.</returns>
    [RequiresVariableStore]
    public static Tensor Block8(Tensor net, string scope, double scale, bool activate) => Block(() =>
    {
        using (VariableScope(scope))
        {
            Tensor tower0, tower1;
            using (VariableScope("Branch_0"))
            {
                tower0 = Conv2d(net, 192, 1, scope: "Conv2d_1x1");
            }

            using (VariableScope("Branch_1"))
            {
                tower1 = Conv2d(net, 192, 1, scope: "Conv2d_0a_1x1");
                tower1 = Conv2d(tower1, 224, (1, 3), scope: "Conv2d_0b_1x3");
                tower1 = Conv2d(tower1, 256, (3, 1), scope: "Conv2d_0c_3x1");
            }

            return Residual(net, Layers.Concat([tower0, tower1]), scale, activate);
        }
    });

    /// <summary>net + scale · up, where up is a biased, linear 1×1 projection of the towers back to net's depth.</summary>
    [RequiresVariableStore]
    private static Tensor Residual(Tensor net, Tensor mixed, double scale, bool activate)
    {
        var up = Conv2d(mixed, net.size(3), 1, normalizerFn: null, activationFn: null, scope: "Conv2d_1x1");
        var sum = net + (up * scale);
        return activate ? sum.relu() : sum;
    }

    /// <summary>
    /// Runs one block with its own dispose scope: the towers' outputs and the concatenation are freed
    /// when the block returns, so a forward pass holds one block's intermediates at a time, not all of them.
    /// </summary>
    private static Tensor Block(Func<Tensor> body)
    {
        using var intermediates = torch.NewDisposeScope();
        return body().MoveToOuterDisposeScope();
    }

    private static Tensor Add(List<KeyValuePair<string, Tensor>> endpoints, string name, Tensor net)
    {
        endpoints.Add(new(name, net));
        return net;
    }

    private static Tensor Find(List<KeyValuePair<string, Tensor>> endpoints, string name) =>
        endpoints.Find(pair => pair.Key == name).Value;
}
