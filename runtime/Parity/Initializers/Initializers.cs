using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// The initializers of the scoped-variable world, with TF1's defaults. Random ones draw only through
/// <see cref="Randomness.RandomOps"/>.
/// </summary>
public static class Initializers
{
    private static readonly Initializer ZerosInstance = new ConstantInitializer(0.0, "zeros");
    private static readonly Initializer OnesInstance = new ConstantInitializer(1.0, "ones");
    private static readonly Initializer GlorotUniformInstance = new VarianceScalingInitializer(1.0, FanMode.FanAvg, VarianceDistribution.Uniform, "glorot_uniform");
    private static readonly Initializer GlorotNormalInstance = new VarianceScalingInitializer(1.0, FanMode.FanAvg, VarianceDistribution.TruncatedNormal, "glorot_normal");

    /// <summary>All zeros.</summary>
    /// <returns>The initializer.</returns>
    public static Initializer Zeros() => ZerosInstance;

    /// <summary>All ones.</summary>
    /// <returns>The initializer.</returns>
    public static Initializer Ones() => OnesInstance;

    /// <summary>Every element set to <paramref name="value"/>; works with any shape.</summary>
    /// <param name="value">The fill value.</param>
    /// <returns>The initializer.</returns>
    public static Initializer Constant(double value) => new ConstantInitializer(value, "constant");

    /// <summary>
    /// A copy of <paramref name="value"/>. Its shape is fixed, so <c>GetVariable</c> must not also be
    /// given a shape (TF: "If initializer is a constant, do not specify shape").
    /// </summary>
    /// <param name="value">The tensor to copy when the variable is created; keep it alive until then.</param>
    /// <returns>The initializer.</returns>
    public static Initializer FromTensor(Tensor value) => new TensorInitializer(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Uniform in [-limit, limit) with limit = sqrt(6 / (fan_in + fan_out)) (Xavier uniform; TF's default for float variables).</summary>
    /// <returns>The initializer.</returns>
    public static Initializer GlorotUniform() => GlorotUniformInstance;

    /// <summary>Truncated normal with stddev sqrt(2 / (fan_in + fan_out)) after truncation correction (Xavier normal).</summary>
    /// <returns>The initializer.</returns>
    public static Initializer GlorotNormal() => GlorotNormalInstance;

    /// <summary>Normal with <paramref name="mean"/> and <paramref name="stddev"/>, values beyond two standard deviations redrawn.</summary>
    /// <param name="mean">Mean of the distribution.</param>
    /// <param name="stddev">Standard deviation before truncation.</param>
    /// <returns>The initializer.</returns>
    public static Initializer TruncatedNormal(double mean = 0.0, double stddev = 1.0) => new RandomNormalInitializer(mean, stddev, truncated: true);

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="low">Lower bound (inclusive).</param>
    /// <param name="high">Upper bound (exclusive).</param>
    /// <returns>The initializer.</returns>
    public static Initializer RandomUniform(double low = 0.0, double high = 1.0) =>
        low < high ? new RandomUniformInitializer(low, high) : throw new ArgumentException($"RandomUniform needs low < high, got low={low}, high={high}.");

    /// <summary>Normal with <paramref name="mean"/> and <paramref name="stddev"/>.</summary>
    /// <param name="mean">Mean of the distribution.</param>
    /// <param name="stddev">Standard deviation.</param>
    /// <returns>The initializer.</returns>
    public static Initializer RandomNormal(double mean = 0.0, double stddev = 1.0) => new RandomNormalInitializer(mean, stddev, truncated: false);

    /// <summary>
    /// Draws with variance <c>scale / n</c>, where <c>n</c> is the fan chosen by <paramref name="mode"/>
    /// (TF1 defaults: scale 1, fan-in, truncated normal).
    /// </summary>
    /// <param name="scale">Scaling factor (2.0 gives He initialization with fan-in).</param>
    /// <param name="mode">Which fan to divide by.</param>
    /// <param name="distribution">What to draw from.</param>
    /// <returns>The initializer.</returns>
    public static Initializer VarianceScaling(double scale = 1.0, FanMode mode = FanMode.FanIn, VarianceDistribution distribution = VarianceDistribution.TruncatedNormal)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentException($"VarianceScaling needs a positive, finite scale, got {scale}.", nameof(scale));
        }

        // An undefined enum value would otherwise silently fall into the last branch of the draw.
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use FanMode.FanIn, FanOut or FanAvg.");
        }

        return Enum.IsDefined(distribution)
            ? new VarianceScalingInitializer(scale, mode, distribution)
            : throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "Use VarianceDistribution.TruncatedNormal, UntruncatedNormal or Uniform.");
    }

    /// <summary>TF's default when no initializer is given: glorot uniform for floating types, zeros otherwise.</summary>
    /// <param name="dtype">The variable's element type.</param>
    /// <returns>The initializer.</returns>
    public static Initializer DefaultFor(ScalarType dtype) => DTypeNames.IsFloating(dtype) ? GlorotUniform() : Zeros();
}
