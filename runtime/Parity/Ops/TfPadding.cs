using System;

namespace Parity;

/// <summary>
/// TF's padding arithmetic: SAME pads <c>max((ceil(in/stride)-1)*stride + (k-1)*dilation + 1 - in, 0)</c>
/// cells, half before and the odd one after. libtorch pads both sides alike, so a layer written on
/// TorchSharp's own ops that must match TF pads these amounts explicitly (<c>F.pad</c>) first.
/// </summary>
public static class TfPadding
{
    /// <summary>The cells TF pads on each side of an NHWC image's height and width.</summary>
    /// <param name="padding">SAME or VALID.</param>
    /// <param name="inH">Input height.</param>
    /// <param name="inW">Input width.</param>
    /// <param name="kernel">Kernel (or pooling window) size.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="dilation">Dilation (1 for pooling).</param>
    /// <returns>Cells before and after on each axis; all zero for VALID.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="padding"/> is not a defined value.</exception>
    public static (long Top, long Bottom, long Left, long Right) Of(Padding padding, long inH, long inW, Size2 kernel, Size2 stride, Size2 dilation)
    {
        if (padding == Padding.Valid)
        {
            return (0, 0, 0, 0);
        }

        if (padding != Padding.Same)
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding must be Padding.Valid or Padding.Same.");
        }

        var (top, bottom) = Same(inH, kernel.H, stride.H, dilation.H);
        var (left, right) = Same(inW, kernel.W, stride.W, dilation.W);
        return (top, bottom, left, right);
    }

    /// <summary>SAME padding of one axis.</summary>
    /// <param name="input">Input size along the axis.</param>
    /// <param name="kernel">Kernel size along the axis.</param>
    /// <param name="stride">Stride along the axis.</param>
    /// <param name="dilation">Dilation along the axis.</param>
    /// <returns>Cells before and after; the odd cell goes after, as in TF.</returns>
    public static (long Before, long After) Same(long input, long kernel, long stride, long dilation)
    {
        var output = (input + stride - 1) / stride;
        var total = Math.Max(((output - 1) * stride) + ((kernel - 1) * dilation) + 1 - input, 0);
        return (total / 2, total - (total / 2));
    }
}
