using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Layers;

/// <summary><c>slim.max_pool2d</c>, <c>slim.avg_pool2d</c>.</summary>
public static partial class SlimLayers
{
    /// <summary>
    /// <c>slim.max_pool2d</c>: default stride 2 and VALID; with SAME, padded cells never win. Slim opens
    /// a name scope, not a variable scope, so <paramref name="scope"/> moves no variable-name counters.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="kernelSize">Window.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">Padding.</param>
    /// <param name="dataFormat">Only NHWC.</param>
    /// <param name="scope">The op's name (for readers; it names no variables).</param>
    /// <returns>NHWC output.</returns>
    public static Tensor MaxPool2d(Tensor inputs, Size2 kernelSize, Size2? stride = null, Padding? padding = null, DataFormat? dataFormat = null, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var args = ArgScope.Resolve(SlimOp.MaxPool2d, new SlimArgs { Stride = stride, Padding = padding, DataFormat = dataFormat });
        CheckDataFormat(args.DataFormat, nameof(MaxPool2d), scope ?? "MaxPool2D");
        return PoolOp.Max(inputs, kernelSize.Validate(nameof(kernelSize)), (args.Stride ?? 2).Validate(nameof(stride)), args.Padding ?? Padding.Valid, nameof(MaxPool2d));
    }

    /// <summary>
    /// <c>slim.avg_pool2d</c>: default stride 2 and VALID; with SAME only real cells are averaged, as in
    /// TF. A name scope, like <see cref="MaxPool2d"/>.
    /// </summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="kernelSize">Window.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">Padding.</param>
    /// <param name="dataFormat">Only NHWC.</param>
    /// <param name="scope">The op's name (for readers; it names no variables).</param>
    /// <returns>NHWC output.</returns>
    public static Tensor AvgPool2d(Tensor inputs, Size2 kernelSize, Size2? stride = null, Padding? padding = null, DataFormat? dataFormat = null, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var args = ArgScope.Resolve(SlimOp.AvgPool2d, new SlimArgs { Stride = stride, Padding = padding, DataFormat = dataFormat });
        CheckDataFormat(args.DataFormat, nameof(AvgPool2d), scope ?? "AvgPool2D");
        return PoolOp.Average(inputs, kernelSize.Validate(nameof(kernelSize)), (args.Stride ?? 2).Validate(nameof(stride)), args.Padding ?? Padding.Valid, nameof(AvgPool2d));
    }

    /// <summary><c>slim.flatten</c>: (batch, features) in NHWC element order. A name scope; it names no variables.</summary>
    /// <param name="inputs">The input.</param>
    /// <param name="scope">The op's name (for readers).</param>
    /// <returns>The flattened input.</returns>
    public static Tensor Flatten(Tensor inputs, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return FlattenOp.Apply(inputs, scope ?? nameof(Flatten));
    }
}
