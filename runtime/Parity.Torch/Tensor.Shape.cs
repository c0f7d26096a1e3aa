using System;
using System.Collections.Generic;
using System.Linq;
using Parity.Torch.Interop;

namespace Parity.Torch;

// Shape manipulation: views where libtorch makes views, copies where it must.
public sealed partial class Tensor
{
    /// <summary>The same elements with a new shape (a view when possible, a copy otherwise). One size may be -1 (inferred).</summary>
    /// <param name="shape">The new shape.</param>
    /// <returns>A new tensor.</returns>
    public unsafe Tensor Reshape(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_reshape(Handle, dims, shape.Length), this);
        }
    }

    /// <summary>A view with a new shape; fails when the memory layout does not allow one (use <see cref="Reshape"/>). One size may be -1.</summary>
    /// <param name="shape">The new shape.</param>
    /// <returns>A view sharing this tensor's storage.</returns>
    public unsafe Tensor View(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_view(Handle, dims, shape.Length), this);
        }
    }

    /// <summary>A broadcast view with size-1 dimensions repeated to <paramref name="shape"/> (-1 keeps a size).</summary>
    /// <param name="shape">The target shape.</param>
    /// <returns>A view sharing this tensor's storage.</returns>
    public unsafe Tensor Expand(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_expand(Handle, dims, shape.Length), this);
        }
    }

    /// <summary>A view with the dimensions reordered: result dimension i is this tensor's dimension order[i].</summary>
    /// <param name="order">A permutation of 0..Rank-1.</param>
    /// <returns>A view sharing this tensor's storage.</returns>
    public unsafe Tensor Permute(params long[] order)
    {
        ArgumentNullException.ThrowIfNull(order);
        fixed (long* dims = order)
        {
            return Wrap(NativeMethods.pt_permute(Handle, dims, order.Length), this);
        }
    }

    /// <summary>A view with two dimensions swapped.</summary>
    /// <param name="dim0">One dimension.</param>
    /// <param name="dim1">The other dimension.</param>
    /// <returns>A view sharing this tensor's storage.</returns>
    public Tensor Transpose(long dim0, long dim1) => Wrap(NativeMethods.pt_transpose(Handle, dim0, dim1), this);

    /// <summary>Merges dimensions <paramref name="startDim"/>..<paramref name="endDim"/> (inclusive) into one.</summary>
    /// <param name="startDim">The first dimension to merge.</param>
    /// <param name="endDim">The last dimension to merge; -1 is the last.</param>
    /// <returns>A new tensor (a view when possible).</returns>
    public Tensor Flatten(long startDim = 0, long endDim = -1) =>
        Wrap(NativeMethods.pt_flatten(Handle, startDim, endDim), this);

    /// <summary>The elements start, start + step, ... below end along one dimension; bounds are clamped like Python slices.</summary>
    /// <param name="dim">The dimension to slice.</param>
    /// <param name="start">First index (negative counts from the end).</param>
    /// <param name="end">Exclusive end (negative counts from the end); default the whole dimension.</param>
    /// <param name="step">Positive step.</param>
    /// <returns>A view sharing this tensor's storage.</returns>
    public Tensor Slice(long dim, long start, long end = long.MaxValue, long step = 1) =>
        Wrap(NativeMethods.pt_slice(Handle, dim, start, end, step), this);

    /// <summary>The sub-tensor at <paramref name="index"/> along <paramref name="dim"/>, which is removed.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">The index (negative counts from the end).</param>
    /// <returns>A view sharing this tensor's storage.</returns>
    public Tensor Select(long dim, long index) => Wrap(NativeMethods.pt_select(Handle, dim, index), this);

    /// <summary>Removes every dimension of size 1.</summary>
    /// <returns>A view sharing this tensor's storage.</returns>
    public Tensor Squeeze() => Wrap(NativeMethods.pt_squeeze(Handle, 0, 1), this);

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1 (otherwise returns the same shape).</summary>
    /// <param name="dim">The dimension.</param>
    /// <returns>A view sharing this tensor's storage.</returns>
    public Tensor Squeeze(long dim) => Wrap(NativeMethods.pt_squeeze(Handle, dim, 0), this);

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/>.</summary>
    /// <param name="dim">Where the new dimension goes (negative counts from the end of the result).</param>
    /// <returns>A view sharing this tensor's storage.</returns>
    public Tensor Unsqueeze(long dim) => Wrap(NativeMethods.pt_unsqueeze(Handle, dim), this);

    /// <summary>Joins tensors along an existing dimension; the other dimensions must match.</summary>
    /// <param name="tensors">The tensors, in order.</param>
    /// <param name="dim">The dimension to join along.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor Cat(IEnumerable<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: false);

    /// <summary>Joins same-shaped tensors along a new dimension.</summary>
    /// <param name="tensors">The tensors, in order.</param>
    /// <param name="dim">Where the new dimension goes.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor Stack(IEnumerable<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: true);

    private static unsafe Tensor Join(IEnumerable<Tensor> tensors, long dim, bool stack)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var parts = tensors as Tensor[] ?? tensors.ToArray();
        if (parts.Length == 0)
        {
            throw new ArgumentException($"{(stack ? "Stack" : "Cat")} needs at least one tensor.", nameof(tensors));
        }

        var handles = parts.Length <= 64 ? stackalloc IntPtr[parts.Length] : new IntPtr[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            handles[i] = Operand(parts[i], nameof(tensors)).Handle;
        }

        IntPtr result;
        fixed (IntPtr* values = handles)
        {
            result = NativeMethods.pt_cat(values, parts.Length, dim, stack ? 1 : 0);
        }

        GC.KeepAlive(parts);
        return Wrap(result);
    }
}
