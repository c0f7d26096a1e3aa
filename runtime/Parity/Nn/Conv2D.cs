using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Nn;

/// <summary>A 2-D convolution over NHWC input, weights <c>name/kernel</c> (kh, kw, in, filters) and <c>name/bias</c>, TF padding.</summary>
public sealed class Conv2D : Layer
{
    private readonly long filters;
    private readonly Size2 kernelSize;
    private readonly Size2 strides;
    private readonly Padding padding;
    private readonly Size2 dilationRate;
    private readonly Func<Tensor, Tensor>? activation;
    private readonly bool useBias;
    private readonly Initializer kernelInitializer;
    private readonly Initializer biasInitializer;
    private readonly Regularizer? kernelRegularizer;
    private readonly Regularizer? biasRegularizer;
    private readonly bool trainable;
    private Variable? kernel;
    private Variable? bias;

    /// <summary>Creates the layer; weights are built on the first call.</summary>
    /// <param name="filters">Number of output channels.</param>
    /// <param name="kernelSize">Kernel (height, width); an integer for both.</param>
    /// <param name="strides">Strides; default 1.</param>
    /// <param name="padding">TF padding; default <see cref="Padding.Valid"/>.</param>
    /// <param name="dilationRate">Dilation; default 1.</param>
    /// <param name="activation">Applied to the output; none when null.</param>
    /// <param name="useBias">Whether to add a bias.</param>
    /// <param name="kernelInitializer">Default glorot uniform.</param>
    /// <param name="biasInitializer">Default zeros.</param>
    /// <param name="kernelRegularizer">Kernel regularizer.</param>
    /// <param name="biasRegularizer">Bias regularizer.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    /// <param name="name">Layer name (default <c>conv2d</c>).</param>
    public Conv2D(
        long filters,
        Size2 kernelSize,
        Size2? strides = null,
        Padding padding = Padding.Valid,
        Size2? dilationRate = null,
        Func<Tensor, Tensor>? activation = null,
        bool useBias = true,
        Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null,
        Regularizer? biasRegularizer = null,
        bool trainable = true,
        string? name = null)
        : base(name, "conv2d")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(filters, 1);
        this.filters = filters;
        this.kernelSize = kernelSize.Validate(nameof(kernelSize));
        this.strides = (strides ?? 1).Validate(nameof(strides));
        this.padding = padding;
        this.dilationRate = (dilationRate ?? 1).Validate(nameof(dilationRate));
        Conv2dOp.CheckStridesWithDilation(this.strides, this.dilationRate, nameof(Conv2D));
        this.activation = activation;
        this.useBias = useBias;
        this.kernelInitializer = kernelInitializer ?? Initializers.GlorotUniform();
        this.biasInitializer = biasInitializer ?? Initializers.Zeros();
        this.kernelRegularizer = kernelRegularizer;
        this.biasRegularizer = biasRegularizer;
        this.trainable = trainable;
    }

    /// <summary>The HWIO kernel, once built.</summary>
    public Variable? Kernel => kernel;

    /// <summary>The bias, once built (null when <c>useBias</c> is false).</summary>
    public Variable? Bias => bias;

    private protected override void Build(Tensor input, WeightFactory weightFactory)
    {
        var inChannels = Conv2dOp.InputChannels(input, nameof(Conv2D));
        kernel = Nhwc.StoreAsOihw(weightFactory.Add("kernel", [kernelSize.H, kernelSize.W, inChannels, filters], input.dtype, kernelInitializer, kernelRegularizer, trainable));
        bias = useBias ? weightFactory.Add("bias", [filters], input.dtype, biasInitializer, biasRegularizer, trainable) : null;
    }

    private protected override Tensor Compute(Tensor input)
    {
        RequireBuiltSize(Conv2dOp.InputChannels(input, nameof(Conv2D)), kernel!.ShapeUnsafe[2], "channel");
        return Conv2dOp.Apply(input, kernel.Value, bias?.Value, strides, padding, dilationRate, activation, nameof(Conv2D));
    }
}
