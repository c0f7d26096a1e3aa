using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>Copies a given tensor: a variable created from an explicit value. Its shape is fixed.</summary>
internal sealed class TensorInitializer(Tensor source) : Initializer
{
    public override long[]? FixedShape => source.shape;

    public override Tensor Create(long[] shape, ScalarType dtype)
    {
        // A copy, so the variable never shares storage (or an autograd graph) with the caller's tensor.
        using var detached = source.detach();
        using var converted = detached.to_type(dtype);
        return converted.clone();
    }

    public override string ToString() => $"value{ShapeFormat.Format(source.shape)}";
}
