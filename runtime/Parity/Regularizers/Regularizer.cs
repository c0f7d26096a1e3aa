using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// Turns a variable's value into a scalar penalty (a regularization loss). Get instances from
/// <see cref="Regularizers"/>, which names the two L2 conventions apart.
/// </summary>
public abstract class Regularizer
{
    /// <summary>Only the runtime defines regularizers, so each one's convention is documented in one place.</summary>
    private protected Regularizer()
    {
    }

    /// <summary>The penalty for <paramref name="weights"/>.</summary>
    /// <param name="weights">The variable's current value.</param>
    /// <returns>A scalar tensor owned by the caller (or the active dispose scope).</returns>
    public abstract Tensor Loss(Tensor weights);
}
