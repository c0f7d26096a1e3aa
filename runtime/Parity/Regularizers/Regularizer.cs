using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// Turns a variable's value into a scalar penalty (a regularization loss). Get instances from
/// <see cref="Regularizers"/>, which names the two L2 conventions apart, or derive your own.
/// </summary>
/// <remarks>
/// A regularizer's loss is recomputed from the variable's current value whenever losses are read, so
/// <see cref="Loss"/> must be a pure function of <c>weights</c> that autograd can differentiate.
/// </remarks>
public abstract class Regularizer
{
    /// <summary>For subclasses.</summary>
    protected Regularizer()
    {
    }

    /// <summary>The penalty for <paramref name="weights"/>.</summary>
    /// <param name="weights">The variable's current value.</param>
    /// <returns>A scalar tensor owned by the caller (or the active dispose scope).</returns>
    public abstract Tensor Loss(Tensor weights);
}
