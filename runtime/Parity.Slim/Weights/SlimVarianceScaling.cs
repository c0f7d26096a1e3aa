using System;
using System.Globalization;
using Parity.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Weights;

/// <summary>
/// TF-Slim's <c>variance_scaling_initializer</c>: with <c>n</c> the fan chosen by the mode, uniform in
/// ±sqrt(3·factor/n), or truncated normal with stddev sqrt(1.3·factor/n). Slim's fans: a rank-0 shape
/// has 1 and 1; rank 1 has the one size for both; otherwise fan-in is <c>shape[-2]</c> and fan-out
/// <c>shape[-1]</c>, both times every leading size. Unlike TF2's variance scaling there is no
/// <c>max(1, n)</c> and the truncation is corrected by the constant 1.3, not 1/0.8796².
/// </summary>
public sealed class SlimVarianceScaling : Initializer
{
    /// <summary>Slim's initializer with the given factor, mode and distribution.</summary>
    /// <param name="factor">Multiplies the variance.</param>
    /// <param name="mode">Which fan divides it.</param>
    /// <param name="uniform">Uniform when true, truncated normal when false.</param>
    public SlimVarianceScaling(double factor, FanMode mode, bool uniform)
    {
        if (!(factor > 0) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "variance_scaling_initializer needs a positive, finite factor.");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use FanMode.FanIn, FanOut or FanAvg (slim's 'FAN_IN', 'FAN_OUT', 'FAN_AVG').");
        }

        Factor = factor;
        Mode = mode;
        Uniform = uniform;
    }

    /// <summary>The factor.</summary>
    public double Factor { get; }

    /// <summary>The fan mode.</summary>
    public FanMode Mode { get; }

    /// <summary>Whether the draw is uniform.</summary>
    public bool Uniform { get; }

    /// <summary>Slim's fan-in and fan-out of <paramref name="shape"/>.</summary>
    /// <param name="shape">A variable shape.</param>
    /// <returns>(fan-in, fan-out).</returns>
    public static (double FanIn, double FanOut) Fans(long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0)
        {
            return (1.0, 1.0);
        }

        double fanIn = shape.Length > 1 ? shape[^2] : shape[^1];
        double fanOut = shape[^1];
        for (var i = 0; i < shape.Length - 2; i++)
        {
            fanIn *= shape[i];
            fanOut *= shape[i];
        }

        return (fanIn, fanOut);
    }

    /// <summary>The <c>n</c> the variance is divided by for <paramref name="shape"/>.</summary>
    /// <param name="shape">A variable shape.</param>
    /// <returns>fan-in, fan-out or their mean.</returns>
    public double N(long[] shape)
    {
        var (fanIn, fanOut) = Fans(shape);
        return Mode switch
        {
            FanMode.FanIn => fanIn,
            FanMode.FanOut => fanOut,
            _ => (fanIn + fanOut) / 2.0,
        };
    }

    /// <inheritdoc/>
    public override Tensor Create(long[] shape, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (!DTypeNames.IsFloating(dtype))
        {
            throw new ArgumentException($"{this} cannot create initializer for non-floating point type {DTypeNames.Of(dtype)}, as in slim. Use a float32/float64 variable.", nameof(dtype));
        }

        var n = N(shape);
        if (!(n > 0))
        {
            throw new ArgumentException($"{this} divides by a fan of {n} for shape {ShapeFormat.Format(shape)}; a variable with a zero-sized axis has no fan.", nameof(shape));
        }

        if (Uniform)
        {
            var limit = Math.Sqrt(3.0 * Factor / n);
            return RandomOps.Uniform(shape, -limit, limit, dtype);
        }

        return RandomOps.TruncatedNormal(shape, 0.0, Math.Sqrt(1.3 * Factor / n), dtype);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"slim.variance_scaling_initializer(factor={Factor}, mode={Mode}, uniform={Uniform})");
}
