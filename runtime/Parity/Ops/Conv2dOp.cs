using System;
using Parity.Torch;

namespace Parity;

/// <summary>TF's conv2d: NHWC input, HWIO kernel, SAME/VALID padding, computed by libtorch in NCHW.</summary>
internal static class Conv2dOp
{
    public static long InputChannels(Tensor inputs, string layer) =>
        inputs.Rank == 4
            ? inputs.Size(3)
            : throw new ArgumentException($"{layer} expects a 4-D NHWC input (batch, height, width, channels), got shape {ShapeFormat.Format(inputs.Shape)}.");

    /// <summary>TF refuses a stride above 1 together with a dilation above 1; libtorch would compute something TF never does.</summary>
    public static void CheckStridesWithDilation(Size2 strides, Size2 dilation, string layer)
    {
        if ((strides.H != 1 || strides.W != 1) && (dilation.H != 1 || dilation.W != 1))
        {
            throw new ArgumentException(
                $"{layer} was given strides ({strides.H}, {strides.W}) and dilation rate ({dilation.H}, {dilation.W}); as in TF, strides above 1 cannot be combined with a dilation rate above 1. Use one of them, or a stride-1 dilated convolution followed by pooling.");
        }
    }

    public static Tensor Apply(Tensor inputs, Tensor kernelHwio, Tensor? bias, Size2 stride, Padding padding, Size2 dilation, Func<Tensor, Tensor>? activation, string layer)
    {
        var nchw = Nhwc.ToNchw(inputs, layer);
        var kernelShape = kernelHwio.Shape;
        var pads = TfPadding.Of(padding, nchw.Size(2), nchw.Size(3), new Size2(kernelShape[0], kernelShape[1]), stride, dilation);
        var output = nchw.Conv2d(Nhwc.HwioToOihw(kernelHwio), bias, stride.ToTuple(), pads, dilation.ToTuple());
        var nhwc = Nhwc.ToNhwc(output);
        return activation is null ? nhwc : activation(nhwc);
    }
}
