using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>The lower-case, TF-style dtype names the runtime's messages use (<c>float32</c>, <c>int64</c>).</summary>
internal static class DTypeNames
{
    public static string Of(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Bool => "bool",
        ScalarType.Byte => "uint8",
        _ => dtype.ToString().ToLowerInvariant(),
    };

    /// <summary>The element types variables, initializers and comparisons treat as floating point.</summary>
    public static bool IsFloating(ScalarType dtype) => dtype is ScalarType.Float32 or ScalarType.Float64;
}
