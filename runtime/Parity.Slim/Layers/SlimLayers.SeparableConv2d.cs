using System;
using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Layers;

/// <summary><c>slim.separable_conv2d</c>.</summary>
public static partial class SlimLayers
{
    /// <summary>
    /// <c>slim.separable_conv2d</c>: a depthwise convolution (<c>depthwise_weights</c>, (kh, kw, in,
    /// multiplier), with the stride, rate and padding), then, when <paramref name="numOutputs"/> is given,
    /// a 1×1 pointwise one (<c>pointwise_weights</c>, (1, 1, in·multiplier, out)); then <c>biases</c> unless
    /// a normalizer is set, the normalizer and the activation. With <paramref name="numOutputs"/> null it
    /// is depthwise only, as MobileNet uses it. The weights regularizer applies to both kernels.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="numOutputs">Pointwise output channels; null for depthwise only.</param>
    /// <param name="kernelSize">Depthwise kernel (height, width).</param>
    /// <param name="depthMultiplier">Depthwise filters per input channel; default 1.</param>
    /// <param name="stride">Stride of the depthwise step.</param>
    /// <param name="padding">Padding of the depthwise step.</param>
    /// <param name="dataFormat">Only NHWC.</param>
    /// <param name="rate">Dilation of the depthwise step.</param>
    /// <param name="activationFn">Activation; null for linear.</param>
    /// <param name="normalizerFn">Normalizer instead of biases; null for none.</param>
    /// <param name="normalizerParams">The normalizer's arguments.</param>
    /// <param name="weightsInitializer">Depthwise weights initializer.</param>
    /// <param name="pointwiseInitializer">Pointwise weights initializer; default the weights initializer.</param>
    /// <param name="weightsRegularizer">Regularizer of both kernels; null for none.</param>
    /// <param name="biasesInitializer">Biases initializer; null for no biases.</param>
    /// <param name="biasesRegularizer">Biases regularizer; null for none.</param>
    /// <param name="trainable">Whether the variables are trained.</param>
    /// <param name="scope">The layer's scope; the first free of <c>SeparableConv2d</c>, ... when null.</param>
    /// <returns>NHWC output.</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor SeparableConv2d(
        Tensor inputs,
        long? numOutputs,
        Size2 kernelSize,
        long? depthMultiplier = null,
        Size2? stride = null,
        Padding? padding = null,
        DataFormat? dataFormat = null,
        Size2? rate = null,
        Arg<Func<Tensor, Tensor>?> activationFn = default,
        Arg<Normalizer?> normalizerFn = default,
        Arg<SlimArgs?> normalizerParams = default,
        Initializer? weightsInitializer = null,
        Initializer? pointwiseInitializer = null,
        Arg<Regularizer?> weightsRegularizer = default,
        Arg<Initializer?> biasesInitializer = default,
        Arg<Regularizer?> biasesRegularizer = default,
        bool? trainable = null,
        string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (numOutputs is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numOutputs), numOutputs, "SeparableConv2d needs a positive number of outputs, or null for a depthwise-only layer.");
        }

        var args = ArgScope.Resolve(SlimOp.SeparableConv2d, new SlimArgs
        {
            DepthMultiplier = depthMultiplier, Stride = stride, Padding = padding, DataFormat = dataFormat, Rate = rate, ActivationFn = activationFn,
            NormalizerFn = normalizerFn, NormalizerParams = normalizerParams, WeightsInitializer = weightsInitializer, PointwiseInitializer = pointwiseInitializer,
            WeightsRegularizer = weightsRegularizer, BiasesInitializer = biasesInitializer, BiasesRegularizer = biasesRegularizer, Trainable = trainable,
        });
        CheckDataFormat(args.DataFormat, nameof(SeparableConv2d), scope ?? "SeparableConv2d");
        kernelSize.Validate(nameof(kernelSize));
        var multiplier = args.DepthMultiplier ?? 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(multiplier, 1, nameof(depthMultiplier));
        var strides = (args.Stride ?? 1).Validate(nameof(stride));
        var dilation = (args.Rate ?? 1).Validate(nameof(rate));
        Conv2dOp.CheckStridesWithDilation(strides, dilation, nameof(SeparableConv2d));
        var inChannels = Conv2dOp.InputChannels(inputs, nameof(SeparableConv2d));
        var outChannels = numOutputs ?? (inChannels * multiplier);

        using var intermediates = torch.NewDisposeScope();
        using var layer = LayerScope.Open(scope, "SeparableConv2d", nameof(SeparableConv2d));
        Conv2dOp.CheckLayout(inputs, $"{nameof(SeparableConv2d)} '{layer.Frame.Name}'");
        var depthwise = Weights(layer, "depthwise_weights", [kernelSize.H, kernelSize.W, inChannels, multiplier], inputs.dtype, args);
        var pointwise = numOutputs is { } filters
            ? Nhwc.StoreAsOihw(Weights(layer, "pointwise_weights", [1, 1, inChannels * multiplier, filters], inputs.dtype, args, args.PointwiseInitializer))
            : null;
        var biases = Biases(layer, outChannels, inputs.dtype, args);
        var tfPadding = args.Padding ?? Padding.Same;
        var outputs = pointwise is null
            ? DepthwiseConv2dOp.Apply(inputs, depthwise.Value, biases?.Value, strides, tfPadding, dilation, nameof(SeparableConv2d))
            : Conv2dOp.Apply(
                DepthwiseConv2dOp.Apply(inputs, depthwise.Value, null, strides, tfPadding, dilation, nameof(SeparableConv2d)),
                pointwise.Value,
                biases?.Value,
                1,
                Padding.Valid,
                1,
                null,
                nameof(SeparableConv2d));
        var net = NormalizeAndActivate(outputs, args);
        return net.MoveToOuterDisposeScope();
    }
}
