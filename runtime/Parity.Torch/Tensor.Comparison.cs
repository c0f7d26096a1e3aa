using Parity.Torch.Interop;

namespace Parity.Torch;

// Comparisons and logic; every result is a Bool tensor.
public sealed partial class Tensor
{
    /// <summary>this == other, element-wise, broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Eq(Tensor other) => Binary(this, other, BinaryOp.Eq);

    /// <summary>this == scalar, element-wise.</summary>
    /// <param name="scalar">The scalar operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Eq(double scalar) => BinaryScalar(this, scalar, BinaryOp.Eq);

    /// <summary>this != other, element-wise, broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Ne(Tensor other) => Binary(this, other, BinaryOp.Ne);

    /// <summary>this != scalar, element-wise.</summary>
    /// <param name="scalar">The scalar operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Ne(double scalar) => BinaryScalar(this, scalar, BinaryOp.Ne);

    /// <summary>this &gt; other, element-wise, broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Gt(Tensor other) => Binary(this, other, BinaryOp.Gt);

    /// <summary>this &gt; scalar, element-wise.</summary>
    /// <param name="scalar">The scalar operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Gt(double scalar) => BinaryScalar(this, scalar, BinaryOp.Gt);

    /// <summary>this &gt;= other, element-wise, broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Ge(Tensor other) => Binary(this, other, BinaryOp.Ge);

    /// <summary>this &gt;= scalar, element-wise.</summary>
    /// <param name="scalar">The scalar operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Ge(double scalar) => BinaryScalar(this, scalar, BinaryOp.Ge);

    /// <summary>this &lt; other, element-wise, broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Lt(Tensor other) => Binary(this, other, BinaryOp.Lt);

    /// <summary>this &lt; scalar, element-wise.</summary>
    /// <param name="scalar">The scalar operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Lt(double scalar) => BinaryScalar(this, scalar, BinaryOp.Lt);

    /// <summary>this &lt;= other, element-wise, broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Le(Tensor other) => Binary(this, other, BinaryOp.Le);

    /// <summary>this &lt;= scalar, element-wise.</summary>
    /// <param name="scalar">The scalar operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Le(double scalar) => BinaryScalar(this, scalar, BinaryOp.Le);

    /// <summary>Whether each element is NaN.</summary>
    /// <returns>A new Bool tensor.</returns>
    public Tensor IsNan() => Unary(UnaryOp.IsNan);

    /// <summary>Whether each element is neither infinite nor NaN.</summary>
    /// <returns>A new Bool tensor.</returns>
    public Tensor IsFinite() => Unary(UnaryOp.IsFinite);

    /// <summary>Logical and of the truth values (non-zero is true), broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor LogicalAnd(Tensor other) => Binary(this, other, BinaryOp.LogicalAnd);

    /// <summary>Logical or of the truth values (non-zero is true), broadcasting.</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor LogicalOr(Tensor other) => Binary(this, other, BinaryOp.LogicalOr);

    /// <summary>Logical not of the truth values (non-zero is true).</summary>
    /// <returns>A new Bool tensor.</returns>
    public Tensor LogicalNot() => Unary(UnaryOp.LogicalNot);

    /// <summary>Picks <paramref name="whenTrue"/> where <paramref name="condition"/> holds and <paramref name="whenFalse"/> elsewhere, broadcasting.</summary>
    /// <param name="condition">A Bool tensor.</param>
    /// <param name="whenTrue">Values where the condition is true.</param>
    /// <param name="whenFalse">Values where the condition is false.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor Where(Tensor condition, Tensor whenTrue, Tensor whenFalse) =>
        Wrap(
            NativeMethods.pt_where(
                Operand(condition, nameof(condition)).Handle,
                Operand(whenTrue, nameof(whenTrue)).Handle,
                Operand(whenFalse, nameof(whenFalse)).Handle),
            condition,
            whenTrue,
            whenFalse);
}
