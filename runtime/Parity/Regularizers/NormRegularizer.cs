using System.Globalization;
using Parity.Torch;

namespace Parity;

/// <summary><c>l1·Σ|w| + l2·Σw²</c>: every regularizer of <see cref="Regularizers"/> is one of these with its own factors.</summary>
internal sealed class NormRegularizer(double l1, double l2, string name) : Regularizer
{
    public override Tensor Loss(Tensor weights)
    {
        if (l1 == 0.0)
        {
            return weights.Square().Sum() * l2;
        }

        if (l2 == 0.0)
        {
            return weights.Abs().Sum() * l1;
        }

        return (weights.Abs().Sum() * l1) + (weights.Square().Sum() * l2);
    }

    public override string ToString() => name;

    public static string Describe(string kind, double factor) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}({factor})");
}
