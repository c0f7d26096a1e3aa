using System;
using Parity.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Nn;

/// <summary>Inverted dropout through <see cref="RandomOps.Dropout"/>, active only when the call is in training mode.</summary>
/// <param name="rate">Fraction of elements dropped; kept ones are scaled by 1/(1 − rate).</param>
/// <param name="name">Layer name (default <c>dropout</c>).</param>
public sealed class Dropout(double rate = 0.5, string? name = null) : Layer(name, "dropout")
{
    // Checked here so a bad rate fails where the model is built, not on the first training call.
    private readonly double rate = rate is >= 0.0 and < 1.0
        ? rate
        : throw new ArgumentOutOfRangeException(nameof(rate), rate, "Dropout needs a rate (fraction of elements dropped) in [0, 1).");

    /// <summary>Fraction of elements dropped in training.</summary>
    public double Rate => rate;

    private protected override Tensor Compute(Tensor input) => RandomOps.Dropout(input, rate, Training);
}
