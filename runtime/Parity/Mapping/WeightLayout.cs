using System;
using static TorchSharp.torch;

namespace Parity.Mapping;

/// <summary>
/// How a weight is laid out in TF against TorchSharp's native layers, and the conversion between
/// the two. The conversion runs once, when weights are copied, never in a forward pass.
/// </summary>
public abstract class WeightLayout
{
    private protected WeightLayout()
    {
    }

    /// <summary>The same layout on both sides: biases, batch-norm statistics, layer-norm scales.</summary>
    public static WeightLayout AsStored { get; } = new Same();

    /// <summary>
    /// A convolution kernel: TF's <c>[height, width, in, out]</c> (HWIO) against TorchSharp's
    /// <c>[out, in, height, width]</c> (OIHW). The same permutation serves a transposed convolution,
    /// whose TF kernel is <c>[height, width, out, in]</c> and TorchSharp weight <c>[in, out, height, width]</c>.
    /// </summary>
    public static WeightLayout ConvKernel { get; } = new Permuted("HWIO", "OIHW", [3, 2, 0, 1], [2, 3, 1, 0]);

    /// <summary>A dense kernel: TF's <c>[in, out]</c> against <c>Linear</c>'s <c>[out, in]</c>.</summary>
    public static WeightLayout DenseKernel { get; } = new Permuted("[in, out]", "[out, in]", [1, 0], [1, 0]);

    /// <summary>
    /// A depthwise kernel: TF's <c>[height, width, channels, multiplier]</c> (HWCM) against a grouped
    /// <c>Conv2d</c>'s <c>[channels·multiplier, 1, height, width]</c>; output channel <c>c·multiplier + m</c> on both sides.
    /// </summary>
    /// <param name="channels">Input channels (the convolution's <c>groups</c>).</param>
    /// <returns>The layout.</returns>
    public static WeightLayout DepthwiseKernel(long channels) =>
        channels > 0 ? new Depthwise(channels) : throw new ArgumentOutOfRangeException(nameof(channels), channels, "A depthwise kernel needs at least one input channel.");

    /// <summary>
    /// The kernel of a dense layer that reads a flattened feature map: TF flattens NHWC, so the kernel's
    /// rows run in (height, width, channel) order, while TorchSharp flattens NCHW, (channel, height, width).
    /// TF's <c>[height·width·channels, out]</c> against <c>Linear</c>'s <c>[out, channels·height·width]</c>, rows reordered.
    /// Without it a ported model computes with shuffled weights: every shape still agrees.
    /// </summary>
    /// <param name="channels">Channels of the flattened feature map.</param>
    /// <param name="height">Its height.</param>
    /// <param name="width">Its width.</param>
    /// <returns>The layout.</returns>
    public static WeightLayout FlattenedDenseKernel(long channels, long height, long width) =>
        channels > 0 && height > 0 && width > 0
            ? new FlattenedDense(channels, height, width)
            : throw new ArgumentOutOfRangeException(nameof(channels), $"A flattened feature map has positive sizes; got {channels} channels of {height}x{width}.");

    /// <summary>A short description for messages, e.g. <c>HWIO ↔ OIHW</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Converts a TF-layout value to the TorchSharp layout (a new contiguous tensor, or the value itself when the layouts agree).</summary>
    /// <param name="tf">The value in TF's layout.</param>
    /// <returns>The value in TorchSharp's layout.</returns>
    public abstract Tensor ToTorch(Tensor tf);

    /// <summary>Converts a TorchSharp-layout value to TF's layout (a new contiguous tensor, or the value itself when the layouts agree).</summary>
    /// <param name="torch">The value in TorchSharp's layout.</param>
    /// <returns>The value in TF's layout.</returns>
    public abstract Tensor ToTf(Tensor torch);

    /// <summary>The TF shape of a weight whose TorchSharp shape is given.</summary>
    /// <param name="torchShape">The TorchSharp shape.</param>
    /// <returns>The TF shape.</returns>
    public abstract long[] TfShape(long[] torchShape);

    /// <inheritdoc/>
    public override string ToString() => Description;

    private static void RequireRank(long[] shape, int rank, string layout)
    {
        if (shape.Length != rank)
        {
            throw new ArgumentException($"A {layout} weight has rank {rank}; this one has shape {ShapeFormat.Format(shape)}.");
        }
    }

    private sealed class Same : WeightLayout
    {
        public override string Description => "as stored";

        public override Tensor ToTorch(Tensor tf) => tf;

        public override Tensor ToTf(Tensor torch) => torch;

        public override long[] TfShape(long[] torchShape) => torchShape;
    }

    private sealed class Permuted(string tfName, string torchName, long[] tfToTorch, long[] torchToTf) : WeightLayout
    {
        public override string Description => $"{tfName} ↔ {torchName}";

        public override Tensor ToTorch(Tensor tf)
        {
            RequireRank(tf.shape, tfToTorch.Length, tfName);
            return tf.permute(tfToTorch).contiguous();
        }

        public override Tensor ToTf(Tensor torch)
        {
            RequireRank(torch.shape, torchToTf.Length, torchName);
            return torch.permute(torchToTf).contiguous();
        }

        public override long[] TfShape(long[] torchShape)
        {
            RequireRank(torchShape, torchToTf.Length, torchName);
            return Array.ConvertAll(torchToTf, axis => torchShape[axis]);
        }
    }

    private sealed class Depthwise(long channels) : WeightLayout
    {
        public override string Description => $"HWCM ↔ [C·M, 1, H, W] (C = {channels})";

        public override Tensor ToTorch(Tensor tf)
        {
            RequireRank(tf.shape, 4, "HWCM");
            var (height, width, depth, multiplier) = (tf.shape[0], tf.shape[1], tf.shape[2], tf.shape[3]);
            return tf.permute(2, 3, 0, 1).reshape(depth * multiplier, 1, height, width).contiguous();
        }

        public override Tensor ToTf(Tensor torch)
        {
            var shape = TfShape(torch.shape);
            return torch.reshape(shape[2], shape[3], shape[0], shape[1]).permute(2, 3, 0, 1).contiguous();
        }

        public override long[] TfShape(long[] torchShape)
        {
            RequireRank(torchShape, 4, "[C·M, 1, H, W]");
            if (torchShape[1] != 1 || torchShape[0] % channels != 0)
            {
                throw new ArgumentException(
                    $"A depthwise weight over {channels} channels has shape [{channels}·M, 1, H, W]; this one has shape {ShapeFormat.Format(torchShape)}.");
            }

            return [torchShape[2], torchShape[3], channels, torchShape[0] / channels];
        }
    }

    private sealed class FlattenedDense(long channels, long height, long width) : WeightLayout
    {
        private long Features => channels * height * width;

        public override string Description => $"[H·W·C, out] ↔ [out, C·H·W] (C = {channels}, H = {height}, W = {width})";

        public override Tensor ToTorch(Tensor tf)
        {
            RequireFeatures(tf.shape, axis: 0, "[H·W·C, out]");
            var outputs = tf.shape[1];
            return tf.reshape(height, width, channels, outputs).permute(3, 2, 0, 1).reshape(outputs, Features).contiguous();
        }

        public override Tensor ToTf(Tensor torch)
        {
            RequireFeatures(torch.shape, axis: 1, "[out, C·H·W]");
            var outputs = torch.shape[0];
            return torch.reshape(outputs, channels, height, width).permute(2, 3, 1, 0).reshape(Features, outputs).contiguous();
        }

        public override long[] TfShape(long[] torchShape)
        {
            RequireFeatures(torchShape, axis: 1, "[out, C·H·W]");
            return [Features, torchShape[0]];
        }

        private void RequireFeatures(long[] shape, int axis, string layout)
        {
            RequireRank(shape, 2, layout);
            if (shape[axis] != Features)
            {
                throw new ArgumentException(
                    $"A {layout} kernel after flattening {channels} channels of {height}x{width} has {Features} input features; this one has shape {ShapeFormat.Format(shape)}.");
            }
        }
    }
}
