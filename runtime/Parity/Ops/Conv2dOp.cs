using System;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>TF's conv2d: NHWC input, HWIO kernel, SAME/VALID padding, computed by libtorch in NCHW.</summary>
internal static class Conv2dOp
{
    public static long InputChannels(Tensor inputs, string layer) =>
        inputs.dim() == 4
            ? inputs.size(3)
            : throw new ArgumentException($"{layer} expects a 4-D NHWC input (batch, height, width, channels), got shape {ShapeFormat.Format(inputs.shape)}.");

    /// <summary>
    /// Refuses an input that reads as NCHW: (batch, a, b, b) with a below b is an image of a few channels
    /// laid out channels-first, which as NHWC would be an a×b image with b channels, and the layer would
    /// silently build a kernel for b input channels.
    /// </summary>
    public static void CheckLayout(Tensor inputs, string layer)
    {
        if (inputs.dim() == 4 && inputs.size(2) == inputs.size(3) && inputs.size(1) < inputs.size(2))
        {
            throw new ArgumentException(
                $"{layer} takes NHWC input (batch, height, width, channels), TF's layout, but was given shape {ShapeFormat.Format(inputs.shape)}, " +
                $"which looks NCHW: {inputs.size(1)} channels of {inputs.size(2)}×{inputs.size(3)} (as NHWC it would be a {inputs.size(1)}×{inputs.size(2)} image with {inputs.size(3)} channels). " +
                "Pass input.permute(0, 2, 3, 1).",
                nameof(inputs));
        }
    }

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
        // Wrappers of views and copies are disposed as soon as libtorch is done with them, so a
        // long forward pass holds fewer intermediates than its dispose scope would.
        using var nchw = Nhwc.ToNchw(inputs, layer);
        CheckOperands(inputs, kernelHwio, layer);
        var kernel = new Size2(kernelHwio.size(0), kernelHwio.size(1));
        var pads = TfPadding.Of(padding, nchw.size(2), nchw.size(3), kernel, stride, dilation);
        using var oihw = Nhwc.HwioToOihw(kernelHwio);
        Tensor nhwc;
        try
        {
            using var output = Convolve(nchw, oihw, bias, stride, pads, dilation);
            nhwc = Nhwc.ToNhwc(output);
        }
        catch (ExternalException error)
        {
            throw LibTorchErrors.ForLayer(layer, error);
        }

        return activation is null ? nhwc : activation(nhwc);
    }

    /// <summary>
    /// libtorch pads both sides of an axis alike; TF's SAME puts the odd cell after. Unequal sides
    /// are padded explicitly first (zeros, as the convolution's own padding would be).
    /// </summary>
    internal static Tensor Convolve(Tensor nchw, Tensor oihw, Tensor? bias, Size2 stride, (long Top, long Bottom, long Left, long Right) pads, Size2 dilation, long groups = 1)
    {
        var strides = stride.ToArray();
        var dilations = dilation.ToArray();
        if (pads.Top == pads.Bottom && pads.Left == pads.Right)
        {
            return nn.functional.conv2d(nchw, oihw, bias, strides, [pads.Top, pads.Left], dilations, groups);
        }

        // functional.pad lists the last dimension first: (left, right, top, bottom).
        using var padded = nn.functional.pad(nchw, [pads.Left, pads.Right, pads.Top, pads.Bottom]);
        return nn.functional.conv2d(padded, oihw, bias, strides, [0, 0], dilations, groups);
    }

    /// <summary>
    /// The checks that turn libtorch's terse errors into ones that name the layer and the fix: the
    /// kernel's input channels and dtype must be the input's.
    /// </summary>
    private static void CheckOperands(Tensor inputs, Tensor kernelHwio, string layer)
    {
        if (kernelHwio.dim() != 4)
        {
            throw new ArgumentException($"{layer} needs a 4-D HWIO kernel (height, width, in, out), got shape {ShapeFormat.Format(kernelHwio.shape)}.");
        }

        if (kernelHwio.size(2) != inputs.size(3))
        {
            throw new ArgumentException(
                $"{layer} has a kernel for {kernelHwio.size(2)} input channels (shape {ShapeFormat.Format(kernelHwio.shape)}) but got an input with {inputs.size(3)} channels (shape {ShapeFormat.Format(inputs.shape)}). Feed it inputs with the channel count it was built for, or use a separate layer.");
        }

        if (kernelHwio.dtype != inputs.dtype)
        {
            throw new ArgumentException(
                $"{layer} has a {DTypeNames.Of(kernelHwio.dtype)} kernel but got a {DTypeNames.Of(inputs.dtype)} input. Convert the input with to_type(ScalarType.{kernelHwio.dtype}), or use a separate layer for {DTypeNames.Of(inputs.dtype)} inputs.");
        }
    }
}
