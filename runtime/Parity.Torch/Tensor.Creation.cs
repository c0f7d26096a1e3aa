using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

// Factories: constant-filled tensors, ranges, scalars and copies of .NET buffers.
public sealed partial class Tensor
{
    /// <summary>A tensor of zeros.</summary>
    /// <param name="shape">The size of every dimension; empty for a scalar.</param>
    /// <param name="dtype">The element type.</param>
    /// <returns>A new tensor.</returns>
    public static unsafe Tensor Zeros(long[] shape, DType dtype = DType.Float32)
    {
        CheckShape(shape);
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_zeros(dims, shape.Length, (int)dtype));
        }
    }

    /// <summary>A tensor of ones.</summary>
    /// <param name="shape">The size of every dimension; empty for a scalar.</param>
    /// <param name="dtype">The element type.</param>
    /// <returns>A new tensor.</returns>
    public static unsafe Tensor Ones(long[] shape, DType dtype = DType.Float32)
    {
        CheckShape(shape);
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_ones(dims, shape.Length, (int)dtype));
        }
    }

    /// <summary>A tensor with every element set to <paramref name="value"/>.</summary>
    /// <param name="shape">The size of every dimension; empty for a scalar.</param>
    /// <param name="value">The fill value, converted to <paramref name="dtype"/>.</param>
    /// <param name="dtype">The element type.</param>
    /// <returns>A new tensor.</returns>
    public static unsafe Tensor Full(long[] shape, double value, DType dtype = DType.Float32)
    {
        CheckShape(shape);
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_full(dims, shape.Length, value, (int)dtype));
        }
    }

    /// <summary>The values 0, 1, ..., up to but excluding <paramref name="end"/>.</summary>
    /// <param name="end">The exclusive upper bound.</param>
    /// <param name="dtype">The element type.</param>
    /// <returns>A new 1-D tensor.</returns>
    public static Tensor Arange(double end, DType dtype = DType.Float32) => Arange(0, end, 1, dtype);

    /// <summary>The values start, start + step, ..., up to but excluding <paramref name="end"/>.</summary>
    /// <param name="start">The first value.</param>
    /// <param name="end">The exclusive bound.</param>
    /// <param name="step">The distance between values (non-zero; negative counts down).</param>
    /// <param name="dtype">The element type.</param>
    /// <returns>A new 1-D tensor.</returns>
    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Float32) =>
        Wrap(NativeMethods.pt_arange(start, end, step, (int)dtype));

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    /// <param name="value">The value, converted to <paramref name="dtype"/>.</param>
    /// <param name="dtype">The element type.</param>
    /// <returns>A new scalar tensor.</returns>
    public static Tensor Scalar(double value, DType dtype = DType.Float32) =>
        Wrap(NativeMethods.pt_scalar(value, (int)dtype));

    /// <summary>A Float32 tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(float[] data, long[]? shape = null) => FromSpan<float>(Checked(data), shape);

    /// <summary>A Float64 tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(double[] data, long[]? shape = null) => FromSpan<double>(Checked(data), shape);

    /// <summary>An Int32 tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(int[] data, long[]? shape = null) => FromSpan<int>(Checked(data), shape);

    /// <summary>An Int64 tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(long[] data, long[]? shape = null) => FromSpan<long>(Checked(data), shape);

    /// <summary>A Bool tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(bool[] data, long[]? shape = null) => FromSpan<bool>(Checked(data), shape);

    /// <summary>A Float32 tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(ReadOnlySpan<float> data, long[]? shape = null) => FromSpan(data, shape);

    /// <summary>A Float64 tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(ReadOnlySpan<double> data, long[]? shape = null) => FromSpan(data, shape);

    /// <summary>An Int32 tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(ReadOnlySpan<int> data, long[]? shape = null) => FromSpan(data, shape);

    /// <summary>An Int64 tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(ReadOnlySpan<long> data, long[]? shape = null) => FromSpan(data, shape);

    /// <summary>A Bool tensor holding a copy of <paramref name="data"/> in row-major order.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="shape">The shape; null for a 1-D tensor of all the elements.</param>
    /// <returns>A new tensor that owns its memory.</returns>
    public static Tensor FromArray(ReadOnlySpan<bool> data, long[]? shape = null) => FromSpan(data, shape);

    /// <summary>A tensor of zeros with the shape and dtype of <paramref name="like"/>.</summary>
    /// <param name="like">The tensor whose shape and dtype to copy.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor ZerosLike(Tensor like)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Zeros(like.ShapeView, like.DType);
    }

    /// <summary>A tensor of ones with the shape and dtype of <paramref name="like"/>.</summary>
    /// <param name="like">The tensor whose shape and dtype to copy.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor OnesLike(Tensor like)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Ones(like.ShapeView, like.DType);
    }

    private static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, long[]? shape)
        where T : unmanaged
    {
        shape ??= [data.Length];
        CheckShape(shape);
        // Checked: a huge shape must not wrap around to a product that happens to equal data.Length.
        long count = 1;
        foreach (var size in shape)
        {
            count = size == 0 ? 0 : count <= long.MaxValue / size ? count * size : -1;
        }

        if (count != data.Length)
        {
            throw new ArgumentException(
                $"FromArray got {data.Length} values but shape [{string.Join(", ", shape)}] holds {(count < 0 ? "more than 2^63" : count.ToString(System.Globalization.CultureInfo.InvariantCulture))}; pass a shape whose sizes multiply to {data.Length}.",
                nameof(shape));
        }

        fixed (T* values = data)
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_from_data(values, dims, shape.Length, (int)DTypeInfo.Of<T>()));
        }
    }

    private static T[] Checked<T>(T[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data;
    }

    private static void CheckShape(long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        foreach (var size in shape)
        {
            if (size < 0)
            {
                throw new ArgumentException(
                    $"Shape [{string.Join(", ", shape)}] has a negative size; every dimension must be 0 or more.",
                    nameof(shape));
            }
        }
    }
}
