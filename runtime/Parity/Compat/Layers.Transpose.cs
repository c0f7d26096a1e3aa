using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Compat;

/// <summary>The transposed convolution, with TF's kernel layout and output sizes.</summary>
public static partial class Layers
{
    /// <summary>
    /// A 2-D transposed convolution over NHWC input (<c>tf.compat.v1.layers.conv2d_transpose</c>):
    /// kernel of shape (kh, kw, filters, in), output size <c>in·stride</c> with SAME padding and
    /// <c>in·stride + max(k − stride, 0)</c> with VALID.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernelSize">Kernel (height, width).</param>
    /// <param name="strides">Strides (the upsampling factor); default 1.</param>
    /// <param name="padding">TF padding; default <see cref="Padding.Valid"/>.</param>
    /// <param name="activation">Applied to the output; none when null.</param>
    /// <param name="useBias">Whether to add a bias.</param>
    /// <param name="kernelInitializer">Kernel initializer; default the scope's, else glorot uniform.</param>
    /// <param name="biasInitializer">Bias initializer; default zeros.</param>
    /// <param name="kernelRegularizer">Kernel regularizer.</param>
    /// <param name="biasRegularizer">Bias regularizer.</param>
    /// <param name="trainable">Whether the variables are trained.</param>
    /// <param name="name">Layer (scope) name; automatic (<c>conv2d_transpose</c>, ...) when null.</param>
    /// <returns>NHWC output.</returns>
    [ScopedLayer("name")]
    [RequiresVariableStore]
    public static Tensor Conv2dTranspose(
        Tensor inputs,
        long filters,
        Size2 kernelSize,
        Size2? strides = null,
        Padding padding = Padding.Valid,
        Func<Tensor, Tensor>? activation = null,
        bool useBias = true,
        Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null,
        Regularizer? biasRegularizer = null,
        bool trainable = true,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(filters, 1);
        kernelSize.Validate(nameof(kernelSize));
        var stride = (strides ?? 1).Validate(nameof(strides));
        var inChannels = Conv2dOp.InputChannels(inputs, nameof(Conv2dTranspose));
        using var scope = LayerScope.Open(name, "conv2d_transpose", nameof(Conv2dTranspose));
        Conv2dOp.CheckLayout(inputs, $"{nameof(Conv2dTranspose)} '{scope.Frame.Name}'");
        var kernel = scope.Variable("kernel", [kernelSize.H, kernelSize.W, filters, inChannels], inputs.dtype, kernelInitializer, kernelRegularizer, trainable);
        var bias = useBias ? scope.Variable("bias", [filters], inputs.dtype, biasInitializer ?? Initializers.Zeros(), biasRegularizer, trainable) : null;
        var output = Conv2dTransposeOp.Apply(inputs, kernel.Value, bias?.Value, stride, padding, nameof(Conv2dTranspose));
        return activation is null ? output : Activate(output, activation);
    }
}
