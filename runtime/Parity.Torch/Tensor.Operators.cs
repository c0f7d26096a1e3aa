using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

// C# operators for the arithmetic methods (comparisons stay methods: == keeps reference meaning).
public sealed partial class Tensor
{
    /// <summary>a + b, broadcasting.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator +(Tensor a, Tensor b) => Operand(a).Add(b);

    /// <summary>a + b.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator +(Tensor a, double b) => Operand(a).Add(b);

    /// <summary>a + b.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator +(double a, Tensor b) => Operand(b).Add(a);

    /// <summary>a - b, broadcasting.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator -(Tensor a, Tensor b) => Operand(a).Sub(b);

    /// <summary>a - b.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator -(Tensor a, double b) => Operand(a).Sub(b);

    /// <summary>a - b.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator -(double a, Tensor b) => BinaryScalar(Operand(b), a, BinaryOp.RSub);

    /// <summary>a * b, element-wise, broadcasting.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator *(Tensor a, Tensor b) => Operand(a).Mul(b);

    /// <summary>a * b.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator *(Tensor a, double b) => Operand(a).Mul(b);

    /// <summary>a * b.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator *(double a, Tensor b) => Operand(b).Mul(a);

    /// <summary>a / b, true division, broadcasting.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator /(Tensor a, Tensor b) => Operand(a).Div(b);

    /// <summary>a / b, true division.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator /(Tensor a, double b) => Operand(a).Div(b);

    /// <summary>a / b, true division.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator /(double a, Tensor b) => BinaryScalar(Operand(b), a, BinaryOp.RDiv);

    /// <summary>-a.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator -(Tensor a) => Operand(a).Neg();

    private static Tensor Operand(Tensor? tensor, string name = "operand") =>
        tensor ?? throw new ArgumentNullException(name, "Tensor operators need tensors, not null.");
}
