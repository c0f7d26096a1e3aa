using System;
using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Layers;

/// <summary><c>slim.conv2d_transpose</c>.</summary>
public static partial class SlimLayers
{
    /// <summary>
    /// <c>slim.conv2d_transpose</c>: <c>weights</c> (kh, kw, out, in), <c>biases</c> (out) unless a normalizer
    /// is set, then the normalizer and the activation. Output size in·stride with SAME (the default) and
    /// in·stride + max(k − stride, 0) with VALID.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="numOutputs">Output channels.</param>
    /// <param name="kernelSize">Kernel (height, width).</param>
    /// <param name="stride">Stride (upsampling factor).</param>
    /// <param name="padding">Padding.</param>
    /// <param name="dataFormat">Only NHWC.</param>
    /// <param name="activationFn">Activation; null for linear.</param>
    /// <param name="normalizerFn">Normalizer instead of biases; null for none.</param>
    /// <param name="normalizerParams">The normalizer's arguments.</param>
    /// <param name="weightsInitializer">Weights initializer.</param>
    /// <param name="weightsRegularizer">Weights regularizer; null for none.</param>
    /// <param name="biasesInitializer">Biases initializer; null for no biases.</param>
    /// <param name="biasesRegularizer">Biases regularizer; null for none.</param>
    /// <param name="trainable">Whether the variables are trained.</param>
    /// <param name="scope">The layer's scope; the first free of <c>Conv2d_transpose</c>, ... when null.</param>
    /// <returns>NHWC output.</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor Conv2dTranspose(
        Tensor inputs,
        long numOutputs,
        Size2 kernelSize,
        Size2? stride = null,
        Padding? padding = null,
        DataFormat? dataFormat = null,
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
        var args = ArgScope.Resolve(SlimOp.Conv2dTranspose, new SlimArgs
        {
            Stride = stride, Padding = padding, DataFormat = dataFormat, ActivationFn = activationFn, NormalizerFn = normalizerFn,
            NormalizerParams = normalizerParams, WeightsInitializer = weightsInitializer, WeightsRegularizer = weightsRegularizer,
            BiasesInitializer = biasesInitializer, BiasesRegularizer = biasesRegularizer, Trainable = trainable,
        });
        CheckDataFormat(args.DataFormat, nameof(Conv2dTranspose), scope ?? "Conv2d_transpose");
        kernelSize.Validate(nameof(kernelSize));
        var strides = (args.Stride ?? 1).Validate(nameof(stride));
        var inChannels = Conv2dOp.InputChannels(inputs, nameof(Conv2dTranspose));

        using var intermediates = torch.NewDisposeScope();
        using var layer = LayerScope.Open(scope, "Conv2d_transpose", nameof(Conv2dTranspose));
        Conv2dOp.CheckLayout(inputs, $"{nameof(Conv2dTranspose)} '{layer.Frame.Name}'");
        var weights = Weights(layer, "weights", [kernelSize.H, kernelSize.W, numOutputs, inChannels], inputs.dtype, args);
        var biases = Biases(layer, numOutputs, inputs.dtype, args);
        var outputs = Conv2dTransposeOp.Apply(inputs, weights.Value, biases?.Value, strides, args.Padding ?? Padding.Same, nameof(Conv2dTranspose));
        var net = NormalizeAndActivate(outputs, args);
        return net.MoveToOuterDisposeScope();
    }
}
