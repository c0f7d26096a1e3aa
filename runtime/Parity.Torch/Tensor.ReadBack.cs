using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

// Copying values back into .NET.
public sealed partial class Tensor
{
    /// <summary>Copies every element, in row-major order, into a new array.</summary>
    /// <typeparam name="T">The element type matching <see cref="DType"/> (float, double, int, long or bool).</typeparam>
    /// <returns>An array of <see cref="NumElements"/> values.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> does not match the tensor's dtype.</exception>
    public unsafe T[] ToArray<T>()
        where T : unmanaged
    {
        CheckElementType<T>(nameof(ToArray));
        var result = new T[NumElements];
        fixed (T* output = result)
        {
            Check(NativeMethods.pt_copy_to(Handle, output, (long)result.Length * sizeof(T)), this);
        }

        return result;
    }

    /// <summary>The value of a one-element tensor.</summary>
    /// <typeparam name="T">The element type matching <see cref="DType"/> (float, double, int, long or bool).</typeparam>
    /// <returns>The single value.</returns>
    /// <exception cref="InvalidOperationException">The tensor has more than one element, or the type does not match.</exception>
    public unsafe T Item<T>()
        where T : unmanaged
    {
        CheckElementType<T>(nameof(Item));
        CheckSingleElement(nameof(Item));
        T value;
        Check(NativeMethods.pt_copy_to(Handle, &value, sizeof(T)), this);
        return value;
    }

    /// <summary>The value of a one-element tensor of any dtype, converted to double.</summary>
    /// <returns>The single value.</returns>
    public unsafe double ToDouble()
    {
        CheckSingleElement(nameof(ToDouble));
        double value;
        Check(NativeMethods.pt_item_double(Handle, &value), this);
        return value;
    }

    /// <summary>The value of a one-element tensor of any dtype, converted to float.</summary>
    /// <returns>The single value.</returns>
    public float ToSingle() => (float)ToDouble();

    /// <summary>The value of a one-element tensor of any dtype, converted to long (truncating floats).</summary>
    /// <returns>The single value.</returns>
    public unsafe long ToInt64()
    {
        CheckSingleElement(nameof(ToInt64));
        long value;
        Check(NativeMethods.pt_item_long(Handle, &value), this);
        return value;
    }

    private void CheckElementType<T>(string operation)
        where T : unmanaged
    {
        var wanted = DTypeInfo.Of<T>();
        var actual = DType;
        if (wanted != actual)
        {
            throw new InvalidOperationException(
                $"{operation}<{typeof(T).Name}> needs a {wanted} tensor but this tensor is {actual}; call .To(DType.{wanted}) first or read it as {ClrName(actual)}.");
        }
    }

    private void CheckSingleElement(string operation)
    {
        var count = NumElements;
        if (count != 1)
        {
            throw new InvalidOperationException(
                $"{operation} reads a one-element tensor but this tensor has shape [{string.Join(", ", ShapeView)}] ({count} elements); use ToArray<T>() or reduce it first.");
        }
    }

    private static string ClrName(DType dtype) => dtype switch
    {
        DType.Float32 => "float",
        DType.Float64 => "double",
        DType.Int32 => "int",
        DType.Int64 => "long",
        _ => "bool",
    };
}
