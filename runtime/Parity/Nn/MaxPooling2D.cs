using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Nn;

/// <summary>2-D max pooling on NHWC input with TF padding; strides default to the pool size.</summary>
public sealed class MaxPooling2D : Layer
{
    private readonly Size2 poolSize;
    private readonly Size2 strides;
    private readonly Padding padding;

    /// <summary>Creates the layer.</summary>
    /// <param name="poolSize">Window (height, width).</param>
    /// <param name="strides">Strides; default the pool size.</param>
    /// <param name="padding">TF padding; default <see cref="Padding.Valid"/>.</param>
    /// <param name="name">Layer name (default <c>max_pooling2d</c>).</param>
    public MaxPooling2D(Size2 poolSize, Size2? strides = null, Padding padding = Padding.Valid, string? name = null)
        : base(name, "max_pooling2d")
    {
        this.poolSize = poolSize.Validate(nameof(poolSize));
        this.strides = (strides ?? poolSize).Validate(nameof(strides));
        this.padding = padding;
    }

    private protected override Tensor Compute(Tensor input) => PoolOp.Max(input, poolSize, strides, padding, nameof(MaxPooling2D));
}
