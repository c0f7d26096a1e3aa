using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary><c>l1·Σ|w| + l2·Σw²</c>: every regularizer of <see cref="Regularizers"/> is one of these with its own factors.</summary>
internal sealed class NormRegularizer(double l1, double l2, string name) : Regularizer
{
    public override Tensor Loss(Tensor weights)
    {
        if (l1 == 0.0)
        {
            return Scaled(SumOfSquares(weights), l2);
        }

        if (l2 == 0.0)
        {
            return Scaled(SumOfMagnitudes(weights), l1);
        }

        using var l1Loss = Scaled(SumOfMagnitudes(weights), l1);
        using var l2Loss = Scaled(SumOfSquares(weights), l2);
        return l1Loss + l2Loss;
    }

    // The intermediates are disposed as soon as they are used (autograd keeps what it needs), so a
    // loss read outside any dispose scope leaves nothing for the finalizer.
    private static Tensor SumOfSquares(Tensor weights)
    {
        using var squares = weights.square();
        return squares.sum();
    }

    private static Tensor SumOfMagnitudes(Tensor weights)
    {
        using var magnitudes = weights.abs();
        return magnitudes.sum();
    }

    private static Tensor Scaled(Tensor sum, double factor)
    {
        using (sum)
        {
            return sum * factor;
        }
    }

    public override string ToString() => name;

    public static string Describe(string kind, double factor) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}({factor})");
}
