using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>Fills the value with one number (zeros, ones, or any constant).</summary>
internal sealed class ConstantInitializer(double value, string name) : Initializer
{
    public override Tensor Create(long[] shape, ScalarType dtype) => torch.full(shape, value, dtype);

    public override string ToString() => name == "constant" ? $"constant({value.ToString(CultureInfo.InvariantCulture)})" : name;
}
