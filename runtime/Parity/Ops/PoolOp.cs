using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>TF's max and average pooling on NHWC: SAME padding never lets a padded cell win a max, and averages only real cells.</summary>
internal static class PoolOp
{
    public static Tensor Max(Tensor inputs, Size2 pool, Size2 stride, Padding padding, string layer)
    {
        using var nchw = Nhwc.ToNchw(inputs, layer);
        var pads = TfPadding.Of(padding, nchw.size(2), nchw.size(3), pool, stride, 1);
        try
        {
            using var output = MaxNchw(nchw, pool, stride, pads);
            return Nhwc.ToNhwc(output);
        }
        catch (ExternalException error)
        {
            throw LibTorchErrors.ForLayer(layer, error);
        }
    }

    public static Tensor Average(Tensor inputs, Size2 pool, Size2 stride, Padding padding, string layer)
    {
        using var nchw = Nhwc.ToNchw(inputs, layer);
        var pads = TfPadding.Of(padding, nchw.size(2), nchw.size(3), pool, stride, 1);
        try
        {
            using var output = AverageNchw(nchw, pool, stride, pads);
            return Nhwc.ToNhwc(output);
        }
        catch (ExternalException error)
        {
            throw LibTorchErrors.ForLayer(layer, error);
        }
    }

    /// <summary>
    /// libtorch pads both sides alike and at most half a window; TF's SAME may put one more cell
    /// after. Other paddings are applied first with −∞, which never wins a max.
    /// </summary>
    private static Tensor MaxNchw(Tensor nchw, Size2 pool, Size2 stride, (long Top, long Bottom, long Left, long Right) pads)
    {
        var kernel = pool.ToArray();
        var strides = stride.ToArray();
        if (FitsLibTorch(pool, pads))
        {
            return nn.functional.max_pool2d(nchw, kernel, strides, [pads.Top, pads.Left]);
        }

        using var padded = Pad(nchw, pads, double.NegativeInfinity);
        return nn.functional.max_pool2d(padded, kernel, strides, [0, 0]);
    }

    /// <summary>
    /// Averages over the real cells of each window only (TF's SAME). When libtorch cannot pad as TF
    /// does, window sums over a zero-padded input are divided by each window's share of real cells.
    /// </summary>
    private static Tensor AverageNchw(Tensor nchw, Size2 pool, Size2 stride, (long Top, long Bottom, long Left, long Right) pads)
    {
        var kernel = pool.ToArray();
        var strides = stride.ToArray();
        if (FitsLibTorch(pool, pads))
        {
            return nn.functional.avg_pool2d(nchw, kernel, strides, [pads.Top, pads.Left], count_include_pad: false);
        }

        using var padded = Pad(nchw, pads, 0.0);
        using var means = nn.functional.avg_pool2d(padded, kernel, strides, [0, 0], count_include_pad: true);
        using var cells = torch.ones([1, 1, nchw.size(2), nchw.size(3)], nchw.dtype);
        using var realCells = Pad(cells, pads, 0.0);
        using var share = nn.functional.avg_pool2d(realCells, kernel, strides, [0, 0], count_include_pad: true);
        return means / share;
    }

    private static bool FitsLibTorch(Size2 pool, (long Top, long Bottom, long Left, long Right) pads) =>
        pads.Top == pads.Bottom && pads.Left == pads.Right && pads.Top * 2 <= pool.H && pads.Left * 2 <= pool.W;

    // functional.pad lists the last dimension first: (left, right, top, bottom).
    private static Tensor Pad(Tensor nchw, (long Top, long Bottom, long Left, long Right) pads, double value) =>
        nn.functional.pad(nchw, [pads.Left, pads.Right, pads.Top, pads.Bottom], value: value);
}
