using System;

namespace Parity.Slim.Weights;

/// <summary>TF-Slim's regularizers.</summary>
public static class SlimRegularizers
{
    /// <summary>
    /// <c>slim.l2_regularizer(scale)</c>: <c>scale·Σw²/2</c> (<c>scale·tf.nn.l2_loss(w)</c>). A scale of 0
    /// disables it, as in slim: the result is null and the variable adds no loss at all.
    /// </summary>
    /// <param name="scale">The factor; not negative.</param>
    /// <returns>The regularizer, or null for scale 0.</returns>
    public static Regularizer? L2(double scale)
    {
        if (!(scale >= 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Setting a scale less than 0 on a regularizer, or a non-finite one, is an error in slim too.");
        }

        return scale == 0.0 ? null : Regularizers.SlimL2(scale);
    }
}
