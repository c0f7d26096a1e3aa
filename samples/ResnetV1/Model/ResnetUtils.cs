using Parity.Slim;
using TorchSharp;
using static Parity.Slim.Layers.SlimLayers;
using static TorchSharp.torch;

namespace Parity.Samples.ResnetV1.Model;

/// <summary>The building blocks of TF-Slim's resnet_utils.py that change numbers: <c>conv2d_same</c> and <c>subsample</c>.</summary>
public static class ResnetUtils
{
    /// <summary>
    /// <c>conv2d_same</c>: a strided convolution whose output cells sit where a stride-1 SAME convolution
    /// followed by subsampling would put them. Stride 1 is a plain SAME conv2d. Above 1, the input is
    /// zero-padded by k−1 cells, (k−1)//2 before and the rest after, whatever its size, then convolved
    /// VALID. A plain SAME conv2d with that stride differs on even sizes: TF's SAME then pads less before
    /// than after (for k = 3 on 16 cells: 0 before, 1 after), so every window shifts by one cell.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="numOutputs">Output channels.</param>
    /// <param name="kernelSize">Square kernel size.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="scope">The conv's scope.</param>
    /// <returns>NHWC output.</returns>
    [RequiresVariableStore]
    public static Tensor Conv2dSame(Tensor inputs, long numOutputs, long kernelSize, long stride, string scope)
    {
        if (stride == 1)
        {
            return Conv2d(inputs, numOutputs, kernelSize, stride: 1, padding: Padding.Same, scope: scope);
        }

        var padTotal = kernelSize - 1;
        var padBegin = padTotal / 2;
        var padEnd = padTotal - padBegin;
        using var nchw = Nhwc.ToNchw(inputs, $"conv2d_same '{scope}'");

        // functional.pad lists the last dimension first: (left, right, top, bottom) of the NCHW tensor.
        using var padded = nn.functional.pad(nchw, [padBegin, padEnd, padBegin, padEnd]);
        using var paddedNhwc = Nhwc.ToNhwc(padded);
        return Conv2d(paddedNhwc, numOutputs, kernelSize, stride: stride, padding: Padding.Valid, scope: scope);
    }

    /// <summary>
    /// <c>subsample</c>: every <paramref name="factor"/>-th cell along height and width (a 1×1 max pool
    /// with that stride), or the input itself for factor 1.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="factor">The subsampling factor.</param>
    /// <param name="scope">The pool's name (it names no variables).</param>
    /// <returns>NHWC output.</returns>
    public static Tensor Subsample(Tensor inputs, long factor, string scope) =>
        factor == 1 ? inputs : MaxPool2d(inputs, 1, stride: factor, scope: scope);
}
