using System;
using System.Globalization;
using Parity.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// Draws with a spread scaled to the variable's fan: <c>scale / n</c> where <c>n</c> is fan-in,
/// fan-out or their average. Glorot (Xavier) and He initializers are special cases.
/// </summary>
internal sealed class VarianceScalingInitializer(double scale, FanMode mode, VarianceDistribution distribution, string? name = null) : Initializer
{
    // Standard deviation of a unit normal truncated to [-2, 2]; dividing by it restores the requested variance.
    private const double TruncatedNormalStddev = 0.87962566103423978;

    public override Tensor Create(long[] shape, ScalarType dtype)
    {
        var checkedType = RandomDTypes.Check(dtype, this);
        var (fanIn, fanOut) = Fans(shape);
        var n = mode switch
        {
            FanMode.FanIn => fanIn,
            FanMode.FanOut => fanOut,
            _ => (fanIn + fanOut) / 2.0,
        };
        var variance = scale / Math.Max(1.0, n);
        return distribution switch
        {
            VarianceDistribution.TruncatedNormal => RandomOps.TruncatedNormal(shape, 0.0, Math.Sqrt(variance) / TruncatedNormalStddev, checkedType),
            VarianceDistribution.UntruncatedNormal => RandomOps.Normal(shape, 0.0, Math.Sqrt(variance), checkedType),
            _ => RandomOps.Uniform(shape, -Math.Sqrt(3.0 * variance), Math.Sqrt(3.0 * variance), checkedType),
        };
    }

    public override string ToString() =>
        name ?? string.Create(CultureInfo.InvariantCulture, $"variance_scaling(scale={scale}, mode={mode}, distribution={distribution})");

    /// <summary>
    /// Fan-in and fan-out the TF way: a dense kernel is (in, out); a conv kernel (HWIO) multiplies
    /// both by the receptive field size.
    /// </summary>
    internal static (double FanIn, double FanOut) Fans(long[] shape)
    {
        switch (shape.Length)
        {
            case 0:
                return (1, 1);
            case 1:
                return (shape[0], shape[0]);
            default:
                double receptiveField = 1;
                for (var i = 0; i < shape.Length - 2; i++)
                {
                    receptiveField *= shape[i];
                }

                return (shape[^2] * receptiveField, shape[^1] * receptiveField);
        }
    }
}
