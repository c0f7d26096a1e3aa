using System;
using System.Globalization;

namespace Parity;

/// <summary>
/// Regularizers, with the two L2 conventions named apart: Keras computes <c>scale·Σw²</c>, TF-Slim
/// (and <c>tf.nn.l2_loss</c>) computes <c>scale·Σw²/2</c>. Porting Slim code with a Keras L2 doubles
/// the penalty.
/// </summary>
public static class Regularizers
{
    /// <summary>Keras L2: <c>scale·Σw²</c> (Keras's <c>"l2"</c> string means scale 0.01).</summary>
    /// <param name="scale">The factor.</param>
    /// <returns>The regularizer.</returns>
    public static Regularizer KerasL2(double scale = 0.01) =>
        new NormRegularizer(0.0, CheckScale(scale), NormRegularizer.Describe("keras_l2", scale));

    /// <summary>TF-Slim L2: <c>scale·Σw²/2</c> (<c>slim.l2_regularizer(scale)</c>).</summary>
    /// <param name="scale">The factor before halving.</param>
    /// <returns>The regularizer.</returns>
    public static Regularizer SlimL2(double scale) =>
        new NormRegularizer(0.0, CheckScale(scale) / 2.0, NormRegularizer.Describe("slim_l2", scale));

    /// <summary>L1: <c>scale·Σ|w|</c> (the same in Keras and TF-Slim).</summary>
    /// <param name="scale">The factor.</param>
    /// <returns>The regularizer.</returns>
    public static Regularizer L1(double scale = 0.01) =>
        new NormRegularizer(CheckScale(scale), 0.0, NormRegularizer.Describe("l1", scale));

    /// <summary>Keras L1L2: <c>l1·Σ|w| + l2·Σw²</c>.</summary>
    /// <param name="l1">The L1 factor.</param>
    /// <param name="l2">The L2 factor (Keras convention, no halving).</param>
    /// <returns>The regularizer.</returns>
    public static Regularizer L1L2(double l1 = 0.01, double l2 = 0.01) =>
        new NormRegularizer(CheckScale(l1), CheckScale(l2), string.Create(CultureInfo.InvariantCulture, $"l1_l2(l1={l1}, l2={l2})"));

    private static double CheckScale(double scale) =>
        scale >= 0 && double.IsFinite(scale)
            ? scale
            : throw new ArgumentOutOfRangeException(nameof(scale), scale, "A regularization factor must be finite and not negative.");
}
