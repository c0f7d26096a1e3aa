using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Checkpoints.TensorBundle;

/// <summary>TF's <c>DataType</c> enum values as a checkpoint stores them, with the TorchSharp type each reads into.</summary>
internal static class TfDataType
{
    /// <summary>TF's name of a stored dtype (<c>float32</c>, <c>string</c>), or <c>DataType N</c> for a value TF1 never wrote.</summary>
    public static string Name(int code) => code switch
    {
        1 => "float32",
        2 => "float64",
        3 => "int32",
        4 => "uint8",
        5 => "int16",
        6 => "int8",
        7 => "string",
        8 => "complex64",
        9 => "int64",
        10 => "bool",
        11 => "qint8",
        12 => "quint8",
        13 => "qint32",
        14 => "bfloat16",
        15 => "qint16",
        16 => "quint16",
        17 => "uint16",
        18 => "complex128",
        19 => "float16",
        20 => "resource",
        21 => "variant",
        22 => "uint32",
        23 => "uint64",
        _ => $"DataType {code}",
    };

    /// <summary>The TorchSharp type a stored dtype reads into, or null when Parity cannot read it.</summary>
    public static ScalarType? Torch(int code) => code switch
    {
        1 => ScalarType.Float32,
        2 => ScalarType.Float64,
        3 => ScalarType.Int32,
        4 => ScalarType.Byte,
        5 => ScalarType.Int16,
        6 => ScalarType.Int8,
        9 => ScalarType.Int64,
        10 => ScalarType.Bool,
        14 => ScalarType.BFloat16,
        19 => ScalarType.Float16,
        _ => null,
    };

    /// <summary>Bytes per element of a readable dtype, as TF lays them out in a shard (little-endian, C order).</summary>
    public static int ElementSize(ScalarType type) => type switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
        _ => 1,
    };
}
