using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// The NHWC convention over NCHW memory. TF-style code sees NHWC shapes, but each layer hands
/// libtorch an NCHW-contiguous tensor and returns an NHWC view of libtorch's NCHW result, so
/// consecutive conv/bn/pool layers never copy: permuting a permuted view back is free. Public so
/// layers written outside the runtime keep the same convention.
/// </summary>
public static class Nhwc
{
    private static readonly long[] ToNchwOrder = [0, 3, 1, 2];
    private static readonly long[] ToNhwcOrder = [0, 2, 3, 1];
    private static readonly long[] HwioToOihwOrder = [3, 2, 0, 1];
    private static readonly long[] OihwToHwioOrder = [2, 3, 1, 0];

    /// <summary>An NCHW-contiguous tensor of an NHWC one: a free view when the NHWC tensor is a view of NCHW memory, else one copy.</summary>
    /// <param name="nhwc">A 4-D NHWC tensor.</param>
    /// <param name="layer">The layer's name, for the error message.</param>
    /// <returns>A new tensor (view or copy) the caller disposes.</returns>
    /// <exception cref="ArgumentException">The tensor is not 4-D.</exception>
    public static Tensor ToNchw(Tensor nhwc, string layer)
    {
        ArgumentNullException.ThrowIfNull(nhwc);
        if (nhwc.dim() != 4)
        {
            throw new ArgumentException(
                $"{layer} expects a 4-D NHWC input (batch, height, width, channels), got shape {ShapeFormat.Format(nhwc.shape)}.");
        }

        // A tensor that really is NHWC in memory (a model input) permutes to a channels-last-strided
        // view, and libtorch's conv follows its input's memory format, which would turn the rest of
        // the network channels-last: slower (1.57x on Inception-ResNet-v2), and on AVX-512 CPUs
        // libtorch 2.10's channels-last 1x1 convolutions give wrong results at two threads. One copy
        // here keeps every later layer in NCHW; views of earlier layers' outputs are already contiguous.
        var nchw = nhwc.permute(ToNchwOrder);
        if (nchw.is_contiguous())
        {
            return nchw;
        }

        using (nchw)
        {
            return nchw.contiguous();
        }
    }

    /// <summary>The NHWC view of an NCHW tensor (no copy).</summary>
    /// <param name="nchw">A 4-D NCHW tensor.</param>
    /// <returns>A view the caller disposes.</returns>
    public static Tensor ToNhwc(Tensor nchw) => (nchw ?? throw new ArgumentNullException(nameof(nchw))).permute(ToNhwcOrder);

    /// <summary>TorchSharp's OIHW view of a TF HWIO kernel (no copy).</summary>
    /// <param name="hwio">A (height, width, in, out) kernel.</param>
    /// <returns>A (out, in, height, width) view the caller disposes.</returns>
    public static Tensor HwioToOihw(Tensor hwio) => (hwio ?? throw new ArgumentNullException(nameof(hwio))).permute(HwioToOihwOrder);

    /// <summary>Keeps an HWIO kernel variable in OIHW memory, so <see cref="HwioToOihw"/> of it is contiguous.</summary>
    internal static Variable StoreAsOihw(Variable hwioKernel)
    {
        hwioKernel.UseStorageOrder(HwioToOihwOrder, OihwToHwioOrder);
        return hwioKernel;
    }
}
