using System;

namespace Parity.Torch;

/// <summary>Maps .NET element types to <see cref="DType"/> and back.</summary>
public static class DTypeInfo
{
    /// <summary>The dtype whose elements are stored as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">One of float, double, int, long, bool.</typeparam>
    /// <returns>The matching dtype.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no tensor dtype.</exception>
    public static DType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return DType.Float32;
        }

        if (typeof(T) == typeof(double))
        {
            return DType.Float64;
        }

        if (typeof(T) == typeof(int))
        {
            return DType.Int32;
        }

        if (typeof(T) == typeof(long))
        {
            return DType.Int64;
        }

        if (typeof(T) == typeof(bool))
        {
            return DType.Bool;
        }

        throw new NotSupportedException(
            $"Tensors hold float, double, int, long or bool elements; {typeof(T).Name} is not one of them.");
    }

    /// <summary>Size of one element in bytes.</summary>
    /// <param name="dtype">The dtype.</param>
    /// <returns>4, 8, 4, 8 or 1.</returns>
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.Float32 or DType.Int32 => 4,
        DType.Float64 or DType.Int64 => 8,
        DType.Bool => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype."),
    };

    /// <summary>Whether the dtype is a floating-point type (and so can require gradients).</summary>
    /// <param name="dtype">The dtype.</param>
    /// <returns><see langword="true"/> for Float32 and Float64.</returns>
    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float32 or DType.Float64;
}
