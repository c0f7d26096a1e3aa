using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

// Reductions over all elements or along dimensions.
public sealed partial class Tensor
{
    /// <summary>The sum of all elements (integers and bools sum to Int64).</summary>
    /// <returns>A new scalar tensor.</returns>
    public Tensor Sum() => ReduceAll(ReductionOp.Sum);

    /// <summary>Sums along <paramref name="dims"/>.</summary>
    /// <param name="dims">The dimensions to reduce.</param>
    /// <param name="keepDim">Keep reduced dimensions with size 1.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Sum(long[] dims, bool keepDim = false) => ReduceDims(ReductionOp.Sum, dims, keepDim);

    /// <summary>The mean of all elements (floating-point tensors only).</summary>
    /// <returns>A new scalar tensor.</returns>
    public Tensor Mean() => ReduceAll(ReductionOp.Mean);

    /// <summary>Means along <paramref name="dims"/> (floating-point tensors only).</summary>
    /// <param name="dims">The dimensions to reduce.</param>
    /// <param name="keepDim">Keep reduced dimensions with size 1.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Mean(long[] dims, bool keepDim = false) => ReduceDims(ReductionOp.Mean, dims, keepDim);

    /// <summary>The largest element (NaN if any element is NaN).</summary>
    /// <returns>A new scalar tensor.</returns>
    public Tensor Max() => ReduceAll(ReductionOp.Max);

    /// <summary>The largest values along one dimension (use <see cref="ArgMax(long, bool)"/> for the indices).</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep the reduced dimension with size 1.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Max(long dim, bool keepDim = false) => ReduceDims(ReductionOp.Max, [dim], keepDim);

    /// <summary>The smallest element (NaN if any element is NaN).</summary>
    /// <returns>A new scalar tensor.</returns>
    public Tensor Min() => ReduceAll(ReductionOp.Min);

    /// <summary>The smallest values along one dimension.</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep the reduced dimension with size 1.</param>
    /// <returns>A new tensor.</returns>
    public Tensor Min(long dim, bool keepDim = false) => ReduceDims(ReductionOp.Min, [dim], keepDim);

    /// <summary>The flat (row-major) index of the largest element, as Int64.</summary>
    /// <returns>A new scalar tensor.</returns>
    public Tensor ArgMax() => ReduceAll(ReductionOp.ArgMax);

    /// <summary>Indices of the largest values along one dimension, as Int64.</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep the reduced dimension with size 1.</param>
    /// <returns>A new tensor.</returns>
    public Tensor ArgMax(long dim, bool keepDim = false) => ReduceDims(ReductionOp.ArgMax, [dim], keepDim);

    /// <summary>The flat (row-major) index of the smallest element, as Int64.</summary>
    /// <returns>A new scalar tensor.</returns>
    public Tensor ArgMin() => ReduceAll(ReductionOp.ArgMin);

    /// <summary>Indices of the smallest values along one dimension, as Int64.</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep the reduced dimension with size 1.</param>
    /// <returns>A new tensor.</returns>
    public Tensor ArgMin(long dim, bool keepDim = false) => ReduceDims(ReductionOp.ArgMin, [dim], keepDim);

    /// <summary>Whether any element is true (non-zero).</summary>
    /// <returns>A new Bool scalar tensor.</returns>
    public Tensor Any() => ReduceAll(ReductionOp.Any);

    /// <summary>Whether any element along one dimension is true (non-zero).</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep the reduced dimension with size 1.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor Any(long dim, bool keepDim = false) => ReduceDims(ReductionOp.Any, [dim], keepDim);

    /// <summary>Whether every element is true (non-zero).</summary>
    /// <returns>A new Bool scalar tensor.</returns>
    public Tensor All() => ReduceAll(ReductionOp.All);

    /// <summary>Whether every element along one dimension is true (non-zero).</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep the reduced dimension with size 1.</param>
    /// <returns>A new Bool tensor.</returns>
    public Tensor All(long dim, bool keepDim = false) => ReduceDims(ReductionOp.All, [dim], keepDim);

    private Tensor ReduceAll(ReductionOp op) => Wrap(NativeMethods.pt_reduce_all(Handle, (int)op), this);

    private unsafe Tensor ReduceDims(ReductionOp op, long[] dims, bool keepDim)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length == 0)
        {
            throw new ArgumentException("Name at least one dimension to reduce, or call the overload without dimensions to reduce everything.", nameof(dims));
        }

        fixed (long* values = dims)
        {
            return Wrap(NativeMethods.pt_reduce_dims(Handle, (int)op, values, dims.Length, keepDim ? 1 : 0), this);
        }
    }
}
