using System.Globalization;
using Parity.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>Uniform values in [<c>low</c>, <c>high</c>).</summary>
internal sealed class RandomUniformInitializer(double low, double high) : Initializer
{
    public override Tensor Create(long[] shape, ScalarType dtype) =>
        RandomOps.Uniform(shape, low, high, RandomDTypes.Check(dtype, this));

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"random_uniform(minval={low}, maxval={high})");
}
