using Parity.Torch.Interop;

namespace Parity.Torch;

// Element-wise arithmetic with broadcasting and libtorch's type promotion.
public sealed partial class Tensor
{
    /// <summary>this + other, broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Add(Tensor other) => Binary(this, other, BinaryOp.Add);

    /// <summary>this + scalar.</summary>
    /// <param name="scalar">The scalar operand.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Add(double scalar) => BinaryScalar(this, scalar, BinaryOp.Add);

    /// <summary>this - other, broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Sub(Tensor other) => Binary(this, other, BinaryOp.Sub);

    /// <summary>this - scalar.</summary>
    /// <param name="scalar">The scalar operand.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Sub(double scalar) => BinaryScalar(this, scalar, BinaryOp.Sub);

    /// <summary>this * other, element-wise, broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Mul(Tensor other) => Binary(this, other, BinaryOp.Mul);

    /// <summary>this * scalar.</summary>
    /// <param name="scalar">The scalar operand.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Mul(double scalar) => BinaryScalar(this, scalar, BinaryOp.Mul);

    /// <summary>this / other, element-wise true division (integers promote to float), broadcasting.</summary>
    /// <param name="other">The divisor.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Div(Tensor other) => Binary(this, other, BinaryOp.Div);

    /// <summary>this / scalar, true division.</summary>
    /// <param name="scalar">The divisor.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Div(double scalar) => BinaryScalar(this, scalar, BinaryOp.Div);

    /// <summary>this raised to <paramref name="exponent"/>, element-wise, broadcasting.</summary>
    /// <param name="exponent">The exponents.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Pow(Tensor exponent) => Binary(this, exponent, BinaryOp.Pow);

    /// <summary>this raised to <paramref name="exponent"/>.</summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Pow(double exponent) => BinaryScalar(this, exponent, BinaryOp.Pow);

    /// <summary>The element-wise larger of this and <paramref name="other"/> (NaN wins), broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Maximum(Tensor other) => Binary(this, other, BinaryOp.Maximum);

    /// <summary>The element-wise smaller of this and <paramref name="other"/> (NaN wins), broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Minimum(Tensor other) => Binary(this, other, BinaryOp.Minimum);

    /// <summary>-this.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Neg() => Unary(UnaryOp.Neg);

    /// <summary>|this|.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Abs() => Unary(UnaryOp.Abs);

    /// <summary>The square root.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Sqrt() => Unary(UnaryOp.Sqrt);

    /// <summary>1 / sqrt(this).</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Rsqrt() => Unary(UnaryOp.Rsqrt);

    /// <summary>e to the power of each element.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Exp() => Unary(UnaryOp.Exp);

    /// <summary>The natural logarithm.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Log() => Unary(UnaryOp.Log);

    /// <summary>this * this.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Square() => Unary(UnaryOp.Square);

    /// <summary>-1, 0 or 1 by the sign of each element.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Sign() => Unary(UnaryOp.Sign);

    /// <summary>The inverse error function (used by truncated-normal sampling).</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Erfinv() => Unary(UnaryOp.Erfinv);

    /// <summary>1 / this.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Reciprocal() => Unary(UnaryOp.Reciprocal);

    /// <summary>Rounds down.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Floor() => Unary(UnaryOp.Floor);

    /// <summary>Rounds up.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Ceil() => Unary(UnaryOp.Ceil);

    /// <summary>Rounds to the nearest integer, halves to even.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Round() => Unary(UnaryOp.Round);

    /// <summary>Limits every element to [min, max]; a null bound is not applied.</summary>
    /// <param name="min">The lower bound, or null.</param>
    /// <param name="max">The upper bound, or null.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Clamp(double? min, double? max) =>
        Wrap(NativeMethods.pt_clamp(Handle, min ?? 0, min.HasValue ? 1 : 0, max ?? 0, max.HasValue ? 1 : 0), this);

    private Tensor Unary(UnaryOp op) => Wrap(NativeMethods.pt_unary(Handle, (int)op), this);

    private static Tensor Binary(Tensor a, Tensor b, BinaryOp op) =>
        Wrap(NativeMethods.pt_binary(a.Handle, Operand(b, nameof(b)).Handle, (int)op), a, b);

    private static Tensor BinaryScalar(Tensor a, double scalar, BinaryOp op) =>
        Wrap(NativeMethods.pt_binary_scalar(a.Handle, scalar, (int)op), a);
}
