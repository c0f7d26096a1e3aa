using Parity.Torch;

namespace Parity;

/// <summary>Copies a given tensor: a variable created from an explicit value. Its shape is fixed.</summary>
internal sealed class TensorInitializer(Tensor source) : Initializer
{
    public override long[]? FixedShape => source.Shape;

    public override Tensor Create(long[] shape, DType dtype) => source.Detach().To(dtype).Clone();

    public override string ToString() => $"value{ShapeFormat.Format(source.Shape)}";
}
