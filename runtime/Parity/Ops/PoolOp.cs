using Parity.Torch;

namespace Parity;

/// <summary>TF's max and average pooling on NHWC: SAME padding never lets a padded cell win a max, and averages only real cells.</summary>
internal static class PoolOp
{
    public static Tensor Max(Tensor inputs, Size2 pool, Size2 stride, Padding padding, string layer)
    {
        var nchw = Nhwc.ToNchw(inputs, layer);
        var pads = TfPadding.Of(padding, nchw.Size(2), nchw.Size(3), pool, stride, 1);
        return Nhwc.ToNhwc(nchw.MaxPool2d(pool.ToTuple(), stride.ToTuple(), pads));
    }

    public static Tensor Average(Tensor inputs, Size2 pool, Size2 stride, Padding padding, string layer)
    {
        var nchw = Nhwc.ToNchw(inputs, layer);
        var pads = TfPadding.Of(padding, nchw.Size(2), nchw.Size(3), pool, stride, 1);
        return Nhwc.ToNhwc(nchw.AvgPool2d(pool.ToTuple(), stride.ToTuple(), pads, countIncludePad: false));
    }
}
