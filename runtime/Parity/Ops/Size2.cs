namespace Parity;

/// <summary>A (height, width) pair for kernel sizes, strides and dilations; an integer means the same value for both.</summary>
/// <param name="H">Height.</param>
/// <param name="W">Width.</param>
public readonly record struct Size2(long H, long W)
{
    /// <summary>The same value for height and width.</summary>
    /// <param name="both">The value.</param>
    public static implicit operator Size2(long both) => new(both, both);

    /// <summary>A (height, width) tuple.</summary>
    /// <param name="pair">The pair.</param>
    public static implicit operator Size2((long H, long W) pair) => new(pair.H, pair.W);

    /// <summary>A (height, width) tuple of integers.</summary>
    /// <param name="pair">The pair.</param>
    public static implicit operator Size2((int H, int W) pair) => new(pair.H, pair.W);

    /// <summary>The pair as a (height, width) tuple.</summary>
    /// <returns>(H, W).</returns>
    public (long H, long W) ToTuple() => (H, W);

    /// <summary>The pair as the <c>[height, width]</c> array TorchSharp's functional ops take.</summary>
    /// <returns>A new two-element array.</returns>
    public long[] ToArray() => [H, W];

    internal Size2 Validate(string what)
    {
        if (H <= 0 || W <= 0)
        {
            throw new System.ArgumentOutOfRangeException(what, this, $"{what} must be positive in both dimensions, got ({H}, {W}).");
        }

        return this;
    }
}
