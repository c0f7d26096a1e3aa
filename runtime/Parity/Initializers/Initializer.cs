using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// Makes the initial value of a variable. Random initializers draw only through
/// <see cref="Randomness.RandomOps"/>, so a deterministic random test tool controls them.
/// </summary>
/// <remarks>
/// Get the common ones from <see cref="Initializers"/>. A library or model may define its own (TF-Slim's
/// formulas live in Parity.Slim this way); a random one must draw through
/// <see cref="Randomness.RandomOps"/>, or a <see cref="Randomness.DeterministicRandomTestTool"/> cannot
/// make the two sides of a comparison draw the same numbers.
/// </remarks>
public abstract class Initializer
{
    /// <summary>For subclasses.</summary>
    protected Initializer()
    {
    }

    /// <summary>
    /// The shape of the value this initializer always produces, or <see langword="null"/> when it
    /// can make any shape. A variable created from a fixed value must not also be given a shape.
    /// </summary>
    public virtual long[]? FixedShape => null;

    /// <summary>Makes a new tensor of <paramref name="shape"/> and <paramref name="dtype"/>.</summary>
    /// <param name="shape">Shape of the value.</param>
    /// <param name="dtype">Element type of the value.</param>
    /// <returns>A new tensor owned by the caller.</returns>
    public abstract Tensor Create(long[] shape, ScalarType dtype);
}
