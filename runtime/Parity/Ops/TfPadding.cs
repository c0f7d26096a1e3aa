using System;

namespace Parity;

/// <summary>TF's padding arithmetic: SAME pads <c>max((ceil(in/stride)-1)*stride + (k-1)*dilation + 1 - in, 0)</c> cells, half before and the odd one after.</summary>
internal static class TfPadding
{
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

    public static (long Before, long After) Same(long input, long kernel, long stride, long dilation)
    {
        var output = (input + stride - 1) / stride;
        var total = Math.Max(((output - 1) * stride) + ((kernel - 1) * dilation) + 1 - input, 0);
        return (total / 2, total - (total / 2));
    }
}
