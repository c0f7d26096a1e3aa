using System;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// TF's <c>conv2d_transpose</c> (the gradient of a conv2d): NHWC input, a kernel of shape
/// (kh, kw, out, in), output size <c>in·stride</c> for SAME and <c>in·stride + max(k − stride, 0)</c> for
/// VALID. The unpadded transposed convolution has <c>(in − 1)·stride + k</c> cells; TF's result is the
/// window of it that starts at the SAME padding the forward conv would have put before, zero-filled
/// where the window runs past the end (a kernel smaller than its stride).
/// </summary>
internal static class Conv2dTransposeOp
{
    public static Tensor Apply(Tensor inputs, Tensor kernelHwoi, Tensor? bias, Size2 stride, Padding padding, string layer)
    {
        using var nchw = Nhwc.ToNchw(inputs, layer);
        CheckOperands(inputs, kernelHwoi, layer);
        var kernel = new Size2(kernelHwoi.size(0), kernelHwoi.size(1));
        var (outH, before) = Axis(nchw.size(2), kernel.H, stride.H, padding);
        var (outW, left) = Axis(nchw.size(3), kernel.W, stride.W, padding);

        // libtorch's own conv_transpose2d gave wrong cells now and then at two threads on this CPU
        // (stride 2, SAME: a cell reached by one kernel column came out bias-only in about 2 runs of 3),
        // so the transposed convolution is computed as what it equals: the input spread out with
        // stride − 1 zeros between cells, then a plain convolution with the spatially flipped kernel
        // and k − 1 cells of zero padding. Its last stride − 1 cells are zeros, which is what TF
        // puts where a kernel smaller than its stride leaves the window short.
        using var spread = Spread(nchw, stride);
        using var oihwView = kernelHwoi.permute(2, 3, 0, 1);
        using var flipped = oihwView.flip(2, 3);
        using var oihw = flipped.contiguous();
        try
        {
            using var full = nn.functional.conv2d(spread, oihw, null, [1, 1], [kernel.H - 1, kernel.W - 1]);
            using var window = Window(full, before, outH, left, outW);
            using var shaped = bias is null ? window.alias() : window + bias.reshape(1, -1, 1, 1);
            return Nhwc.ToNhwc(shaped);
        }
        catch (ExternalException error)
        {
            throw LibTorchErrors.ForLayer(layer, error);
        }
    }

    /// <summary>(N, C, H, W) → (N, C, H·sh, W·sw) with each input cell at the top-left of its sh×sw block, zeros elsewhere.</summary>
    private static Tensor Spread(Tensor nchw, Size2 stride)
    {
        if (stride.H == 1 && stride.W == 1)
        {
            return nchw.alias();
        }

        var (n, c, h, w) = (nchw.size(0), nchw.size(1), nchw.size(2), nchw.size(3));
        using var cells = nchw.reshape(n, c, h, 1, w, 1);
        using var blocks = nn.functional.pad(cells, [0, stride.W - 1, 0, 0, 0, stride.H - 1]);
        return blocks.reshape(n, c, h * stride.H, w * stride.W);
    }

    /// <summary>Output size and the cells cut before it along one axis.</summary>
    private static (long Output, long Before) Axis(long input, long kernel, long stride, Padding padding)
    {
        long output;
        long before;
        if (padding == Padding.Same)
        {
            output = input * stride;
            before = TfPadding.Same(output, kernel, stride, 1).Before;
        }
        else if (padding == Padding.Valid)
        {
            output = (input * stride) + Math.Max(kernel - stride, 0);
            before = 0;
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding must be Padding.Valid or Padding.Same.");
        }

        return (output, before);
    }

    private static Tensor Window(Tensor full, long top, long height, long left, long width)
    {
        var bottom = Math.Max(top + height - full.size(2), 0);
        var right = Math.Max(left + width - full.size(3), 0);
        using var padded = bottom > 0 || right > 0 ? nn.functional.pad(full, [0, right, 0, bottom]) : full.alias();
        using var rows = padded.narrow(2, top, height);
        return rows.narrow(3, left, width).contiguous();
    }

    private static void CheckOperands(Tensor inputs, Tensor kernelHwoi, string layer)
    {
        if (kernelHwoi.dim() != 4)
        {
            throw new ArgumentException($"{layer} needs a 4-D kernel (height, width, out, in), got shape {ShapeFormat.Format(kernelHwoi.shape)}.");
        }

        if (kernelHwoi.size(3) != inputs.size(3))
        {
            throw new ArgumentException(
                $"{layer} has a kernel for {kernelHwoi.size(3)} input channels (shape {ShapeFormat.Format(kernelHwoi.shape)}, (height, width, out, in)) but got an input with {inputs.size(3)} channels (shape {ShapeFormat.Format(inputs.shape)}). Feed it inputs with the channel count it was built for, or use a separate layer.");
        }

        if (kernelHwoi.dtype != inputs.dtype)
        {
            throw new ArgumentException(
                $"{layer} has a {DTypeNames.Of(kernelHwoi.dtype)} kernel but got a {DTypeNames.Of(inputs.dtype)} input. Convert the input with to_type(ScalarType.{kernelHwoi.dtype}), or use a separate layer for {DTypeNames.Of(inputs.dtype)} inputs.");
        }
    }
}
