using System;
using Parity.Torch;

namespace Parity;

/// <summary>The lower-case dtype names the runtime's messages use (<c>float32</c>, <c>int64</c>).</summary>
internal static class DTypeNames
{
    public static string Of(DType dtype) => dtype switch
    {
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Int32 => "int32",
        DType.Int64 => "int64",
        DType.Bool => "bool",
        _ => dtype.ToString(),
    };

    public static bool IsFloating(DType dtype) => dtype is DType.Float32 or DType.Float64;
}
