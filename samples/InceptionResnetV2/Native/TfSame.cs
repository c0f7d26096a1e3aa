using System;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>TF's padding for the convolutions and pools of this network, as TorchSharp's symmetric padding.</summary>
public static class TfSame
{
    /// <summary>
    /// The symmetric padding equal to TF's: none for <c>VALID</c>; half the kernel for <c>SAME</c> at stride 1
    /// with an odd kernel. Every <c>SAME</c> layer of Inception-ResNet-v2 is of that kind (its stride-2 layers are
    /// <c>VALID</c>); TF pads a stride-2 or even-kernel <c>SAME</c> layer unevenly, which a symmetric padding cannot
    /// express, so such a layer is refused rather than silently shifted by a pixel.
    /// </summary>
    /// <param name="kernel">Kernel (height, width).</param>
    /// <param name="stride">Stride.</param>
    /// <param name="same">TF <c>SAME</c> (else <c>VALID</c>).</param>
    /// <returns>Padding (height, width).</returns>
    /// <exception cref="ArgumentException">TF would pad this <c>SAME</c> layer unevenly.</exception>
    public static (long Height, long Width) SymmetricPadding((long Height, long Width) kernel, long stride, bool same)
    {
        if (!same)
        {
            return (0, 0);
        }

        if (stride != 1 || kernel.Height % 2 == 0 || kernel.Width % 2 == 0)
        {
            throw new ArgumentException(
                $"TF pads a SAME layer with a {kernel.Height}x{kernel.Width} kernel at stride {stride} unevenly (more at the bottom and right); " +
                "pad explicitly with nn.functional.pad before a VALID layer instead.");
        }

        return ((kernel.Height - 1) / 2, (kernel.Width - 1) / 2);
    }
}
