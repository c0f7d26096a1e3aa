using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

// Neural-network ops on NCHW activations: matmul, convolution, padding, pooling, batch norm, activations.
public sealed partial class Tensor
{
    /// <summary>Matrix product with libtorch's matmul rules (vectors, matrices, batched broadcasting).</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new tensor.</returns>
    public Tensor MatMul(Tensor other) =>
        Wrap(NativeMethods.pt_matmul(Handle, Operand(other, nameof(other)).Handle), this, other);

    /// <summary>
    /// 2-D convolution (cross-correlation) of an NCHW input with an OIHW weight. Padding is explicit
    /// per side so TF's asymmetric SAME padding needs no extra op from the caller.
    /// </summary>
    /// <param name="weight">Weight of shape [out channels, in channels / groups, kernel height, kernel width].</param>
    /// <param name="bias">Optional bias of shape [out channels].</param>
    /// <param name="stride">Step in (height, width); default (1, 1).</param>
    /// <param name="padding">Zero padding (top, bottom, left, right); default none.</param>
    /// <param name="dilation">Kernel dilation in (height, width); default (1, 1).</param>
    /// <param name="groups">Number of channel groups; in and out channels must both divide by it.</param>
    /// <returns>A new NCHW tensor.</returns>
    public unsafe Tensor Conv2d(
        Tensor weight,
        Tensor? bias = null,
        (long H, long W)? stride = null,
        (long Top, long Bottom, long Left, long Right)? padding = null,
        (long H, long W)? dilation = null,
        long groups = 1)
    {
        ArgumentNullException.ThrowIfNull(weight);
        RequireRank(4, "conv2d expects a 4-D NCHW input");
        weight.RequireRank(4, "conv2d expects a 4-D OIHW weight");
        var s = stride ?? (1, 1);
        var p = padding ?? (0, 0, 0, 0);
        var d = dilation ?? (1, 1);
        long* strides = stackalloc long[] { s.H, s.W };
        long* pads = stackalloc long[] { p.Top, p.Bottom, p.Left, p.Right };
        long* dilations = stackalloc long[] { d.H, d.W };
        return Wrap(
            NativeMethods.pt_conv2d(Handle, weight.Handle, HandleOrZero(bias), strides, pads, dilations, groups),
            this,
            weight,
            bias);
    }

    /// <summary>Pads with a constant. <paramref name="pads"/> lists (before, after) pairs starting from the LAST dimension, as libtorch's constant_pad_nd does.</summary>
    /// <param name="pads">Pairs of (before, after) sizes, last dimension first; negative values crop.</param>
    /// <param name="value">The fill value.</param>
    /// <returns>A new tensor.</returns>
    public unsafe Tensor Pad(long[] pads, double value = 0)
    {
        ArgumentNullException.ThrowIfNull(pads);
        if (pads.Length % 2 != 0)
        {
            throw new ArgumentException(
                $"Pad takes (before, after) pairs, last dimension first; got {pads.Length} values.", nameof(pads));
        }

        fixed (long* values = pads)
        {
            return Wrap(NativeMethods.pt_pad(Handle, values, pads.Length, value), this);
        }
    }

    /// <summary>2-D max pooling over an NCHW input. Padded cells never win (they count as -infinity).</summary>
    /// <param name="kernel">Window size in (height, width).</param>
    /// <param name="stride">Step in (height, width); default the kernel size.</param>
    /// <param name="padding">Padding (top, bottom, left, right); default none.</param>
    /// <param name="ceilMode">Round the output size up instead of down.</param>
    /// <returns>A new NCHW tensor.</returns>
    public unsafe Tensor MaxPool2d(
        (long H, long W) kernel,
        (long H, long W)? stride = null,
        (long Top, long Bottom, long Left, long Right)? padding = null,
        bool ceilMode = false)
    {
        RequirePoolingInput("max_pool2d");
        var s = stride ?? kernel;
        var p = padding ?? (0, 0, 0, 0);
        long* kernels = stackalloc long[] { kernel.H, kernel.W };
        long* strides = stackalloc long[] { s.H, s.W };
        long* pads = stackalloc long[] { p.Top, p.Bottom, p.Left, p.Right };
        return Wrap(NativeMethods.pt_max_pool2d(Handle, kernels, strides, pads, ceilMode ? 1 : 0), this);
    }

    /// <summary>2-D average pooling over an NCHW input.</summary>
    /// <param name="kernel">Window size in (height, width).</param>
    /// <param name="stride">Step in (height, width); default the kernel size.</param>
    /// <param name="padding">Zero padding (top, bottom, left, right); default none.</param>
    /// <param name="countIncludePad">
    /// Divide by the full window size (true, libtorch's default) or only by the real cells in the
    /// window (false, TF's SAME behaviour).
    /// </param>
    /// <param name="ceilMode">Round the output size up instead of down.</param>
    /// <returns>A new NCHW tensor.</returns>
    public unsafe Tensor AvgPool2d(
        (long H, long W) kernel,
        (long H, long W)? stride = null,
        (long Top, long Bottom, long Left, long Right)? padding = null,
        bool countIncludePad = true,
        bool ceilMode = false)
    {
        RequirePoolingInput("avg_pool2d");
        var s = stride ?? kernel;
        var p = padding ?? (0, 0, 0, 0);
        long* kernels = stackalloc long[] { kernel.H, kernel.W };
        long* strides = stackalloc long[] { s.H, s.W };
        long* pads = stackalloc long[] { p.Top, p.Bottom, p.Left, p.Right };
        return Wrap(
            NativeMethods.pt_avg_pool2d(Handle, kernels, strides, pads, ceilMode ? 1 : 0, countIncludePad ? 1 : 0),
            this);
    }

    /// <summary>
    /// Batch normalization over dimension 1 (channels). In training mode it normalizes with the batch
    /// statistics and, when running statistics are given, updates them in place:
    /// running = (1 - momentum) * running + momentum * batch (the variance update uses the unbiased
    /// batch variance). In inference mode it normalizes with the running statistics.
    /// </summary>
    /// <param name="weight">Optional per-channel scale (gamma).</param>
    /// <param name="bias">Optional per-channel shift (beta).</param>
    /// <param name="runningMean">Per-channel running mean; required in inference mode.</param>
    /// <param name="runningVar">Per-channel running variance; required in inference mode.</param>
    /// <param name="training">Use batch statistics (and update the running ones).</param>
    /// <param name="momentum">Weight of the new batch statistics in the running update (libtorch's convention).</param>
    /// <param name="eps">Added to the variance before the square root.</param>
    /// <returns>A new tensor.</returns>
    public Tensor BatchNorm(
        Tensor? weight,
        Tensor? bias,
        Tensor? runningMean,
        Tensor? runningVar,
        bool training,
        double momentum = 0.1,
        double eps = 1e-5)
    {
        if (!training && (runningMean is null || runningVar is null))
        {
            throw new ArgumentException(
                "BatchNorm in inference mode normalizes with the running statistics: pass runningMean and runningVar, or set training: true.");
        }

        var result = NativeMethods.pt_batch_norm(
            Handle,
            HandleOrZero(weight),
            HandleOrZero(bias),
            HandleOrZero(runningMean),
            HandleOrZero(runningVar),
            training ? 1 : 0,
            momentum,
            eps);
        GC.KeepAlive(weight);
        GC.KeepAlive(bias);
        return Wrap(result, this, runningMean, runningVar);
    }

    /// <summary>max(x, 0).</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Relu() => Unary(UnaryOp.Relu);

    /// <summary>min(max(x, 0), 6).</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Relu6() => Unary(UnaryOp.Relu6);

    /// <summary>1 / (1 + e^-x).</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Sigmoid() => Unary(UnaryOp.Sigmoid);

    /// <summary>The hyperbolic tangent.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Tanh() => Unary(UnaryOp.Tanh);

    /// <summary>Softmax along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension that sums to one; negative counts from the end.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Softmax(long dim) => Wrap(NativeMethods.pt_softmax(Handle, dim, 0), this);

    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably.</summary>
    /// <param name="dim">The dimension; negative counts from the end.</param>
    /// <returns>A new tensor.</returns>
    public Tensor LogSoftmax(long dim) => Wrap(NativeMethods.pt_softmax(Handle, dim, 1), this);

    private void RequireRank(int rank, string what)
    {
        if (Rank != rank)
        {
            throw new ArgumentException($"{what}, got shape [{string.Join(", ", ShapeView)}].");
        }
    }

    private void RequirePoolingInput(string op)
    {
        if (Rank is not (3 or 4))
        {
            throw new ArgumentException(
                $"{op} expects a 4-D NCHW (or 3-D CHW) input, got shape [{string.Join(", ", ShapeView)}].");
        }
    }
}
