using System;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// TF's <c>depthwise_conv2d</c>: NHWC input, an HWCM kernel of shape (kh, kw, in, multiplier), output
/// channel <c>c·multiplier + m</c> made from input channel <c>c</c> by filter <c>m</c>. libtorch computes
/// it as a grouped convolution with one group per input channel, whose OIHW weight row
/// <c>c·multiplier + m</c> is the same filter, so the kernel only needs reordering.
/// </summary>
internal static class DepthwiseConv2dOp
{
    public static Tensor Apply(Tensor inputs, Tensor kernelHwcm, Tensor? bias, Size2 stride, Padding padding, Size2 dilation, string layer)
    {
        using var nchw = Nhwc.ToNchw(inputs, layer);
        CheckOperands(inputs, kernelHwcm, layer);
        var channels = kernelHwcm.size(2);
        var kernel = new Size2(kernelHwcm.size(0), kernelHwcm.size(1));
        var pads = TfPadding.Of(padding, nchw.size(2), nchw.size(3), kernel, stride, dilation);
        using var cmhw = kernelHwcm.permute(2, 3, 0, 1);
        using var grouped = cmhw.reshape(channels * kernelHwcm.size(3), 1, kernel.H, kernel.W);
        try
        {
            using var output = Conv2dOp.Convolve(nchw, grouped, bias, stride, pads, dilation, channels);
            return Nhwc.ToNhwc(output);
        }
        catch (ExternalException error)
        {
            throw LibTorchErrors.ForLayer(layer, error);
        }
    }

    private static void CheckOperands(Tensor inputs, Tensor kernelHwcm, string layer)
    {
        if (kernelHwcm.dim() != 4)
        {
            throw new ArgumentException($"{layer} needs a 4-D HWCM depthwise kernel (height, width, in, multiplier), got shape {ShapeFormat.Format(kernelHwcm.shape)}.");
        }

        if (kernelHwcm.size(2) != inputs.size(3))
        {
            throw new ArgumentException(
                $"{layer} has a depthwise kernel for {kernelHwcm.size(2)} input channels (shape {ShapeFormat.Format(kernelHwcm.shape)}) but got an input with {inputs.size(3)} channels (shape {ShapeFormat.Format(inputs.shape)}). Feed it inputs with the channel count it was built for, or use a separate layer.");
        }

        if (kernelHwcm.dtype != inputs.dtype)
        {
            throw new ArgumentException(
                $"{layer} has a {DTypeNames.Of(kernelHwcm.dtype)} kernel but got a {DTypeNames.Of(inputs.dtype)} input. Convert the input with to_type(ScalarType.{kernelHwcm.dtype}), or use a separate layer for {DTypeNames.Of(inputs.dtype)} inputs.");
        }
    }
}
