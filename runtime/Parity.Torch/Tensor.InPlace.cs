using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

// In-place updates: variable assignment and optimizer steps. They change this tensor's storage,
// so every view of it sees the new values.
public sealed partial class Tensor
{
    /// <summary>Copies <paramref name="source"/> into this tensor (broadcasting and converting dtype).</summary>
    /// <param name="source">The values to copy.</param>
    public void CopyFrom(Tensor source) =>
        Check(NativeMethods.pt_copy_(Handle, Operand(source, nameof(source)).Handle), this, source);

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    /// <param name="value">The fill value.</param>
    public void Fill(double value) => Check(NativeMethods.pt_fill_(Handle, value), this);

    /// <summary>this += alpha * other.</summary>
    /// <param name="other">The tensor to add (broadcast to this shape).</param>
    /// <param name="alpha">Scale applied to <paramref name="other"/>.</param>
    public void AddInPlace(Tensor other, double alpha = 1) => InPlace(other, alpha, BinaryOp.Add);

    /// <summary>this -= alpha * other.</summary>
    /// <param name="other">The tensor to subtract (broadcast to this shape).</param>
    /// <param name="alpha">Scale applied to <paramref name="other"/>.</param>
    public void SubInPlace(Tensor other, double alpha = 1) => InPlace(other, alpha, BinaryOp.Sub);

    /// <summary>this *= alpha * other.</summary>
    /// <param name="other">The factor (broadcast to this shape).</param>
    /// <param name="alpha">Scale applied to <paramref name="other"/>.</param>
    public void MulInPlace(Tensor other, double alpha = 1) => InPlace(other, alpha, BinaryOp.Mul);

    /// <summary>this += scalar.</summary>
    /// <param name="scalar">The value to add.</param>
    public void AddInPlace(double scalar) => InPlaceScalar(scalar, BinaryOp.Add);

    /// <summary>this -= scalar.</summary>
    /// <param name="scalar">The value to subtract.</param>
    public void SubInPlace(double scalar) => InPlaceScalar(scalar, BinaryOp.Sub);

    /// <summary>this *= scalar.</summary>
    /// <param name="scalar">The factor.</param>
    public void MulInPlace(double scalar) => InPlaceScalar(scalar, BinaryOp.Mul);

    /// <summary>this /= scalar.</summary>
    /// <param name="scalar">The divisor.</param>
    public void DivInPlace(double scalar) => InPlaceScalar(scalar, BinaryOp.Div);

    private void InPlace(Tensor other, double alpha, BinaryOp op)
    {
        ArgumentNullException.ThrowIfNull(other);
        Check(NativeMethods.pt_inplace(Handle, other.Handle, alpha, (int)op), this, other);
    }

    private void InPlaceScalar(double scalar, BinaryOp op) =>
        Check(NativeMethods.pt_inplace_scalar(Handle, scalar, (int)op), this);
}
