using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Compat;

/// <summary>The depthwise and separable convolutions, with Keras's variable names and creation order.</summary>
public static partial class Layers
{
    /// <summary>
    /// A depthwise 2-D convolution over NHWC input: each input channel convolved with its own
    /// <paramref name="depthMultiplier"/> filters, kernel <c>depthwise_kernel</c> of shape (kh, kw, in, multiplier),
    /// output channel <c>c·multiplier + m</c>, as TF orders them.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="kernelSize">Kernel (height, width).</param>
    /// <param name="strides">Strides; default 1.</param>
    /// <param name="padding">TF padding; default <see cref="Padding.Valid"/>.</param>
    /// <param name="depthMultiplier">Filters per input channel.</param>
    /// <param name="dilationRate">Dilation; default 1.</param>
    /// <param name="activation">Applied to the output; none when null.</param>
    /// <param name="useBias">Whether to add a bias of shape (in·multiplier).</param>
    /// <param name="depthwiseInitializer">Kernel initializer; default the scope's, else glorot uniform.</param>
    /// <param name="biasInitializer">Bias initializer; default zeros.</param>
    /// <param name="depthwiseRegularizer">Kernel regularizer.</param>
    /// <param name="biasRegularizer">Bias regularizer.</param>
    /// <param name="trainable">Whether the variables are trained.</param>
    /// <param name="name">Layer (scope) name; automatic (<c>depthwise_conv2d</c>, ...) when null.</param>
    /// <returns>NHWC output with in·multiplier channels.</returns>
    [ScopedLayer("name")]
    [RequiresVariableStore]
    public static Tensor DepthwiseConv2d(
        Tensor inputs,
        Size2 kernelSize,
        Size2? strides = null,
        Padding padding = Padding.Valid,
        long depthMultiplier = 1,
        Size2? dilationRate = null,
        Func<Tensor, Tensor>? activation = null,
        bool useBias = true,
        Initializer? depthwiseInitializer = null,
        Initializer? biasInitializer = null,
        Regularizer? depthwiseRegularizer = null,
        Regularizer? biasRegularizer = null,
        bool trainable = true,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(depthMultiplier, 1);
        kernelSize.Validate(nameof(kernelSize));
        var stride = (strides ?? 1).Validate(nameof(strides));
        var dilation = (dilationRate ?? 1).Validate(nameof(dilationRate));
        Conv2dOp.CheckStridesWithDilation(stride, dilation, nameof(DepthwiseConv2d));
        var inChannels = Conv2dOp.InputChannels(inputs, nameof(DepthwiseConv2d));
        using var scope = LayerScope.Open(name, "depthwise_conv2d", nameof(DepthwiseConv2d));
        Conv2dOp.CheckLayout(inputs, $"{nameof(DepthwiseConv2d)} '{scope.Frame.Name}'");
        var kernel = scope.Variable("depthwise_kernel", [kernelSize.H, kernelSize.W, inChannels, depthMultiplier], inputs.dtype, depthwiseInitializer, depthwiseRegularizer, trainable);
        var bias = useBias ? scope.Variable("bias", [inChannels * depthMultiplier], inputs.dtype, biasInitializer ?? Initializers.Zeros(), biasRegularizer, trainable) : null;
        var output = DepthwiseConv2dOp.Apply(inputs, kernel.Value, bias?.Value, stride, padding, dilation, nameof(DepthwiseConv2d));
        return activation is null ? output : Activate(output, activation);
    }

    /// <summary>
    /// A depthwise-separable 2-D convolution over NHWC input: a depthwise convolution
    /// (<c>depthwise_kernel</c>, (kh, kw, in, multiplier)) with the strides and padding, then a 1×1
    /// pointwise one (<c>pointwise_kernel</c>, (1, 1, in·multiplier, filters)), then the bias.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernelSize">Depthwise kernel (height, width).</param>
    /// <param name="strides">Strides of the depthwise step; default 1.</param>
    /// <param name="padding">TF padding of the depthwise step; default <see cref="Padding.Valid"/>.</param>
    /// <param name="depthMultiplier">Depthwise filters per input channel.</param>
    /// <param name="dilationRate">Dilation of the depthwise step; default 1.</param>
    /// <param name="activation">Applied to the output; none when null.</param>
    /// <param name="useBias">Whether to add a bias of shape (filters).</param>
    /// <param name="depthwiseInitializer">Depthwise kernel initializer; default the scope's, else glorot uniform.</param>
    /// <param name="pointwiseInitializer">Pointwise kernel initializer; default the scope's, else glorot uniform.</param>
    /// <param name="biasInitializer">Bias initializer; default zeros.</param>
    /// <param name="depthwiseRegularizer">Depthwise kernel regularizer.</param>
    /// <param name="pointwiseRegularizer">Pointwise kernel regularizer.</param>
    /// <param name="biasRegularizer">Bias regularizer.</param>
    /// <param name="trainable">Whether the variables are trained.</param>
    /// <param name="name">Layer (scope) name; automatic (<c>separable_conv2d</c>, ...) when null.</param>
    /// <returns>NHWC output with <paramref name="filters"/> channels.</returns>
    [ScopedLayer("name")]
    [RequiresVariableStore]
    public static Tensor SeparableConv2d(
        Tensor inputs,
        long filters,
        Size2 kernelSize,
        Size2? strides = null,
        Padding padding = Padding.Valid,
        long depthMultiplier = 1,
        Size2? dilationRate = null,
        Func<Tensor, Tensor>? activation = null,
        bool useBias = true,
        Initializer? depthwiseInitializer = null,
        Initializer? pointwiseInitializer = null,
        Initializer? biasInitializer = null,
        Regularizer? depthwiseRegularizer = null,
        Regularizer? pointwiseRegularizer = null,
        Regularizer? biasRegularizer = null,
        bool trainable = true,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(filters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(depthMultiplier, 1);
        kernelSize.Validate(nameof(kernelSize));
        var stride = (strides ?? 1).Validate(nameof(strides));
        var dilation = (dilationRate ?? 1).Validate(nameof(dilationRate));
        Conv2dOp.CheckStridesWithDilation(stride, dilation, nameof(SeparableConv2d));
        var inChannels = Conv2dOp.InputChannels(inputs, nameof(SeparableConv2d));
        using var scope = LayerScope.Open(name, "separable_conv2d", nameof(SeparableConv2d));
        Conv2dOp.CheckLayout(inputs, $"{nameof(SeparableConv2d)} '{scope.Frame.Name}'");
        var depthwise = scope.Variable("depthwise_kernel", [kernelSize.H, kernelSize.W, inChannels, depthMultiplier], inputs.dtype, depthwiseInitializer, depthwiseRegularizer, trainable);
        var pointwise = scope.Variable("pointwise_kernel", [1, 1, inChannels * depthMultiplier, filters], inputs.dtype, pointwiseInitializer, pointwiseRegularizer, trainable);
        var bias = useBias ? scope.Variable("bias", [filters], inputs.dtype, biasInitializer ?? Initializers.Zeros(), biasRegularizer, trainable) : null;
        using var spatial = DepthwiseConv2dOp.Apply(inputs, depthwise.Value, null, stride, padding, dilation, nameof(SeparableConv2d));
        return Conv2dOp.Apply(spatial, pointwise.Value, bias?.Value, 1, Padding.Valid, 1, activation, nameof(SeparableConv2d));
    }

    /// <summary>Applies an activation and frees the pre-activation (autograd keeps what it needs).</summary>
    private static Tensor Activate(Tensor output, Func<Tensor, Tensor> activation)
    {
        using (output)
        {
            return activation(output);
        }
    }
}
