using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>
/// The tolerance of an element-wise comparison: <c>|actual − expected| ≤ Atol + Rtol·|expected|</c>.
/// </summary>
/// <param name="Rtol">Relative tolerance, scaled by the magnitude of the expected value.</param>
/// <param name="Atol">Absolute tolerance.</param>
public readonly record struct Tolerance(double Rtol, double Atol)
{
    /// <summary>Exact equality (integers and booleans by default).</summary>
    public static Tolerance Exact => new(0.0, 0.0);

    /// <summary>
    /// The default tolerance for a dtype: float32 rtol 1.3e-6 / atol 1e-5, float64 rtol 1e-7 /
    /// atol 1e-7, integers and booleans exact.
    /// </summary>
    /// <param name="dtype">The dtype of the compared tensors.</param>
    /// <returns>The default tolerance.</returns>
    public static Tolerance DefaultFor(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => new(1.3e-6, 1e-5),
        ScalarType.Float64 => new(1e-7, 1e-7),
        _ => Exact,
    };

    /// <summary>
    /// The default for <paramref name="dtype"/> with either part replaced when given.
    /// </summary>
    /// <param name="dtype">The dtype of the compared tensors.</param>
    /// <param name="rtol">Relative tolerance, or null for the dtype's default.</param>
    /// <param name="atol">Absolute tolerance, or null for the dtype's default.</param>
    /// <returns>The resolved tolerance.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A given tolerance is negative or NaN.</exception>
    public static Tolerance Resolve(ScalarType dtype, double? rtol, double? atol)
    {
        var defaults = DefaultFor(dtype);
        var resolved = new Tolerance(rtol ?? defaults.Rtol, atol ?? defaults.Atol);
        if (!(resolved.Rtol >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(rtol), rtol, "rtol must be a non-negative number.");
        }

        if (!(resolved.Atol >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(atol), atol, "atol must be a non-negative number.");
        }

        return resolved;
    }
}
