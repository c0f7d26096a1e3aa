using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Randomness;

/// <summary>
/// The only way the Parity runtime draws random numbers: initializers, dropout and the random
/// helpers all come through here, so a <see cref="DeterministicRandomTestTool"/> scope controls
/// every draw of a model.
/// </summary>
/// <remarks>
/// Every operation but <see cref="Dropout"/> is built from one stream of float64 uniforms drawn in C
/// order from a single generator per operation. That gives two properties tests rely on: a draw does not depend on
/// the output dtype beyond the final rounding, and a smaller draw with the same seed is a prefix
/// of a larger one. Inside a tool scope each operation draws from a generator freshly seeded from
/// (tool seed, operation seed); outside any scope the global generator set by
/// <see cref="SetSeed"/> is used (libtorch's default generator until <see cref="SetSeed"/> is called).
/// </remarks>
public static class RandomOps
{
    private static readonly object GlobalLock = new();
    private static Generator? globalGenerator;

    /// <summary>
    /// Seeds the global generator that random operations use outside any
    /// <see cref="DeterministicRandomTestTool"/> scope.
    /// </summary>
    /// <param name="seed">The global seed.</param>
    public static void SetSeed(ulong seed)
    {
        lock (GlobalLock)
        {
            globalGenerator?.Dispose();
            globalGenerator = new Generator(seed);
        }
    }

    /// <summary>Draws values uniformly from [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="shape">Shape of the result.</param>
    /// <param name="low">Inclusive lower bound.</param>
    /// <param name="high">Exclusive upper bound; must be greater than <paramref name="low"/>.</param>
    /// <param name="dtype">A floating dtype (float32 or float64).</param>
    /// <returns>A new tensor of the given shape and dtype.</returns>
    public static Tensor Uniform(long[] shape, double low, double high, ScalarType dtype = ScalarType.Float32)
    {
        ValidateShape(shape);
        ValidateFloating(dtype, nameof(Uniform));
        if (!(low < high) || double.IsInfinity(high - low))
        {
            throw new ArgumentException(
                $"Uniform needs finite bounds with low < high, got low={low} and high={high}.", nameof(high));
        }

        using var unit = DrawUnitUniform(shape);
        using var scaled = unit * (high - low);
        using var shifted = scaled + low;
        using var rounded = shifted.to_type(dtype);

        // Rounding to float32 can carry a draw just below high up to high itself (with probability
        // 1/2 when high - low is one float32 step); clamping keeps the range half-open.
        var highest = dtype == ScalarType.Float32 ? MathF.BitDecrement((float)high) : Math.BitDecrement(high);
        return rounded.clamp_max(highest);
    }

    /// <summary>Draws values from a normal distribution.</summary>
    /// <param name="shape">Shape of the result.</param>
    /// <param name="mean">Mean of the distribution.</param>
    /// <param name="stddev">Standard deviation; must not be negative.</param>
    /// <param name="dtype">A floating dtype (float32 or float64).</param>
    /// <returns>A new tensor of the given shape and dtype.</returns>
    public static Tensor Normal(long[] shape, double mean, double stddev, ScalarType dtype = ScalarType.Float32)
    {
        ValidateShape(shape);
        ValidateFloating(dtype, nameof(Normal));
        ValidateStddev(stddev, nameof(Normal));

        // Inverse CDF of one uniform per element keeps draws in C order, hence the prefix property.
        using var standard = InverseNormalCdf(shape, 1.0);
        return Affine(standard, mean, stddev, dtype);
    }

    /// <summary>
    /// Draws values from a normal distribution truncated at two standard deviations: a value more
    /// than 2·<paramref name="stddev"/> away from <paramref name="mean"/> never occurs, exactly as if
    /// it had been redrawn until it fell inside.
    /// </summary>
    /// <param name="shape">Shape of the result.</param>
    /// <param name="mean">Mean of the untruncated distribution.</param>
    /// <param name="stddev">Standard deviation of the untruncated distribution; must not be negative.</param>
    /// <param name="dtype">A floating dtype (float32 or float64).</param>
    /// <returns>A new tensor of the given shape and dtype.</returns>
    public static Tensor TruncatedNormal(long[] shape, double mean, double stddev, ScalarType dtype = ScalarType.Float32)
    {
        ValidateShape(shape);
        ValidateFloating(dtype, nameof(TruncatedNormal));
        ValidateStddev(stddev, nameof(TruncatedNormal));

        // Redrawing until inside [-2, 2] has the same distribution as the inverse CDF restricted to
        // [Phi(-2), Phi(2)]; the latter needs exactly one uniform per element.
        using var standard = InverseNormalCdf(shape, TwoSigmaErf);
        return Affine(standard, mean, stddev, dtype);
    }

    /// <summary>Draws 1 with probability <paramref name="p"/> and 0 otherwise.</summary>
    /// <param name="shape">Shape of the result.</param>
    /// <param name="p">Probability of a 1, in [0, 1].</param>
    /// <param name="dtype">Dtype of the result (any dtype; <see cref="ScalarType.Bool"/> gives true/false).</param>
    /// <returns>A new tensor of the given shape and dtype.</returns>
    public static Tensor Bernoulli(long[] shape, double p, ScalarType dtype = ScalarType.Float32)
    {
        ValidateShape(shape);
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Bernoulli needs a probability p in [0, 1].");
        }

        using var unit = DrawUnitUniform(shape);
        using var ones = unit.lt(p);
        return ones.to_type(dtype);
    }

    /// <summary>
    /// Inverted dropout: in training, each element of <paramref name="x"/> is zeroed with probability
    /// <paramref name="rate"/> and the kept ones are scaled by 1/(1−rate); otherwise
    /// <paramref name="x"/> is returned unchanged.
    /// </summary>
    /// <remarks>
    /// The keep mask is drawn exactly as TorchSharp's <c>functional.dropout</c> draws it
    /// (<c>empty_like(x).bernoulli_(1 − rate)</c>, divided by 1 − rate, times <paramref name="x"/>), so
    /// given the same generator state the result is bitwise what <c>nn.Dropout</c> gives; it is drawn
    /// in <paramref name="x"/>'s memory order, so an NHWC view of NCHW memory gets the mask an NCHW
    /// module-style port draws. Unlike the other operations it is not built from the float64 uniform
    /// stream, so a smaller draw is not a prefix of a larger one.
    /// </remarks>
    /// <param name="x">A floating tensor.</param>
    /// <param name="rate">Fraction of elements to drop, in [0, 1).</param>
    /// <param name="training">Whether dropout is active; when false no random number is drawn.</param>
    /// <returns>A new tensor in training mode; <paramref name="x"/> itself otherwise.</returns>
    public static Tensor Dropout(Tensor x, double rate, bool training)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(rate >= 0.0 && rate < 1.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(rate), rate, "Dropout needs a rate (fraction of elements dropped) in [0, 1).");
        }

        ValidateFloating(x.dtype, nameof(Dropout));
        if (!training)
        {
            return x;
        }

        // F.dropout takes no generator, so its steps are repeated here with the one that applies.
        var keepProbability = 1.0 - rate;
        // In-place ops return the tensor itself, so the mask is the one empty_like made.
        using var mask = Draw(generator => torch.empty_like(x).bernoulli_(keepProbability, generator).div_(keepProbability));
        return x * mask;
    }

    // erf(2 / sqrt(2)): the probability mass within two standard deviations, mapped to [-1, 1].
    private const double TwoSigmaErf = 0.9544997361036416;

    private static Tensor InverseNormalCdf(long[] shape, double halfWidth)
    {
        // v uniform in [-halfWidth, halfWidth); sqrt(2)·erfinv(v) is standard normal restricted to
        // erf^-1's image of that interval. v = -1 exactly would give -inf, so it is clamped inward.
        using var unit = DrawUnitUniform(shape);
        using var scaled = unit * (2.0 * halfWidth);
        using var centred = scaled - halfWidth;
        using var safe = centred.clamp(-SmallestAboveMinusOne, SmallestAboveMinusOne);
        using var inverse = safe.erfinv();
        return inverse * Math.Sqrt(2.0);
    }

    private static readonly double SmallestAboveMinusOne = Math.BitDecrement(1.0);

    private static Tensor Affine(Tensor standard, double mean, double stddev, ScalarType dtype)
    {
        using var scaled = standard * stddev;
        using var shifted = scaled + mean;
        return shifted.to_type(dtype);
    }

    /// <summary>Draws float64 uniforms in [0, 1) in C order from the generator that applies here.</summary>
    private static Tensor DrawUnitUniform(long[] shape) =>
        Draw(generator => torch.rand(shape, ScalarType.Float64, generator: generator));

    /// <summary>
    /// Runs one random operation with the generator that applies here: the innermost tool's, freshly
    /// seeded for this operation, else the global one (null: libtorch's default generator).
    /// </summary>
    private static Tensor Draw(Func<Generator?, Tensor> draw)
    {
        var tool = DeterministicRandomTestTool.Current;
        if (tool is not null)
        {
            return tool.Draw(draw);
        }

        lock (GlobalLock)
        {
            return draw(globalGenerator);
        }
    }

    private static void ValidateShape(long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException(
                    $"A random tensor's shape must not have negative dimensions, got [{string.Join(", ", shape)}].",
                    nameof(shape));
            }
        }
    }

    private static void ValidateFloating(ScalarType dtype, string operation)
    {
        if (!DTypeNames.IsFloating(dtype))
        {
            throw new ArgumentException(
                $"{operation} produces floating values; pass ScalarType.Float32 or ScalarType.Float64, not {DTypeNames.Of(dtype)}.",
                nameof(dtype));
        }
    }

    private static void ValidateStddev(double stddev, string operation)
    {
        if (!(stddev >= 0.0) || double.IsInfinity(stddev))
        {
            throw new ArgumentOutOfRangeException(
                nameof(stddev), stddev, $"{operation} needs a finite, non-negative standard deviation.");
        }
    }
}
