using System;
using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Layers;

/// <summary><c>slim.conv2d</c>.</summary>
public static partial class SlimLayers
{
    /// <summary>
    /// <c>slim.conv2d</c>: <c>weights</c> (kh, kw, in, out), then <c>biases</c> (out) unless a normalizer is
    /// set or <paramref name="biasesInitializer"/> is null, then the normalizer (in this layer's scope, so
    /// batch norm lands in <c>scope/BatchNorm</c>), then the activation. Defaults: stride 1, SAME, ReLU,
    /// Xavier weights, zero biases, no regularizer.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="numOutputs">Output channels.</param>
    /// <param name="kernelSize">Kernel (height, width).</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">Padding.</param>
    /// <param name="dataFormat">Only NHWC.</param>
    /// <param name="rate">Dilation.</param>
    /// <param name="activationFn">Activation; null for linear.</param>
    /// <param name="normalizerFn">Normalizer instead of biases; null for none.</param>
    /// <param name="normalizerParams">The normalizer's arguments.</param>
    /// <param name="weightsInitializer">Weights initializer.</param>
    /// <param name="weightsRegularizer">Weights regularizer; null for none.</param>
    /// <param name="biasesInitializer">Biases initializer; null for no biases.</param>
    /// <param name="biasesRegularizer">Biases regularizer; null for none.</param>
    /// <param name="trainable">Whether the variables are trained.</param>
    /// <param name="scope">The layer's scope; the first free of <c>Conv</c>, <c>Conv_1</c>, ... when null.</param>
    /// <returns>NHWC output.</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor Conv2d(
        Tensor inputs,
        long numOutputs,
        Size2 kernelSize,
        Size2? stride = null,
        Padding? padding = null,
        DataFormat? dataFormat = null,
        Size2? rate = null,
        Arg<Func<Tensor, Tensor>?> activationFn = default,
        Arg<Normalizer?> normalizerFn = default,
        Arg<SlimArgs?> normalizerParams = default,
        Initializer? weightsInitializer = null,
        Arg<Regularizer?> weightsRegularizer = default,
        Arg<Initializer?> biasesInitializer = default,
        Arg<Regularizer?> biasesRegularizer = default,
        bool? trainable = null,
        string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(numOutputs, 1);
        var args = ArgScope.Resolve(SlimOp.Conv2d, new SlimArgs
        {
            Stride = stride, Padding = padding, DataFormat = dataFormat, Rate = rate, ActivationFn = activationFn, NormalizerFn = normalizerFn,
            NormalizerParams = normalizerParams, WeightsInitializer = weightsInitializer, WeightsRegularizer = weightsRegularizer,
            BiasesInitializer = biasesInitializer, BiasesRegularizer = biasesRegularizer, Trainable = trainable,
        });
        CheckDataFormat(args.DataFormat, nameof(Conv2d), scope ?? "Conv");
        kernelSize.Validate(nameof(kernelSize));
        var strides = (args.Stride ?? 1).Validate(nameof(stride));
        var dilation = (args.Rate ?? 1).Validate(nameof(rate));
        Conv2dOp.CheckStridesWithDilation(strides, dilation, nameof(Conv2d));
        var inChannels = Conv2dOp.InputChannels(inputs, nameof(Conv2d));

        // The layer's intermediates are freed when it returns, as a module call frees its own; only
        // the output leaves. Autograd keeps what backward needs.
        using var intermediates = torch.NewDisposeScope();
        using var layer = LayerScope.Open(scope, "Conv", nameof(Conv2d));
        Conv2dOp.CheckLayout(inputs, $"{nameof(Conv2d)} '{layer.Frame.Name}'");
        var weights = Nhwc.StoreAsOihw(Weights(layer, "weights", [kernelSize.H, kernelSize.W, inChannels, numOutputs], inputs.dtype, args));
        var biases = Biases(layer, numOutputs, inputs.dtype, args);
        var outputs = Conv2dOp.Apply(inputs, weights.Value, biases?.Value, strides, args.Padding ?? Padding.Same, dilation, null, nameof(Conv2d));
        var net = NormalizeAndActivate(outputs, args);
        return net.MoveToOuterDisposeScope();
    }
}
