using System.Globalization;
using Parity.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>Normal values with a given mean and standard deviation, optionally truncated at two standard deviations.</summary>
internal sealed class RandomNormalInitializer(double mean, double stddev, bool truncated) : Initializer
{
    public override Tensor Create(long[] shape, ScalarType dtype)
    {
        var checkedType = RandomDTypes.Check(dtype, this);
        return truncated
            ? RandomOps.TruncatedNormal(shape, mean, stddev, checkedType)
            : RandomOps.Normal(shape, mean, stddev, checkedType);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(truncated ? "truncated_normal" : "random_normal")}(mean={mean}, stddev={stddev})");
}
