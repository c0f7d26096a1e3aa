using System.Collections.Generic;
using static TorchSharp.torch;

namespace Parity.Checkpoints;

/// <summary>
/// One tensor of a TF checkpoint as its index describes it: name, dtype and shape, and where its
/// bytes are. Listing entries reads only the index, never the data files.
/// </summary>
public sealed class TfCheckpointEntry
{
    internal TfCheckpointEntry(string name, string dtype, ScalarType? torchDType, long[] shape, int shardId, long offset, long size, uint crc32C, IReadOnlyList<string> slices)
    {
        Name = name;
        DType = dtype;
        TorchDType = torchDType;
        Shape = shape;
        ShardId = shardId;
        Offset = offset;
        Size = size;
        Crc32C = crc32C;
        Slices = slices;
    }

    /// <summary>The TF variable name (<c>h1/w</c>, <c>h1/w/Adam</c>, <c>global_step</c>).</summary>
    public string Name { get; }

    /// <summary>TF's name of the stored dtype: <c>float32</c>, <c>int32</c>, <c>bfloat16</c>, <c>string</c>, ...</summary>
    public string DType { get; }

    /// <summary>The TorchSharp type the tensor reads into, or null when Parity cannot read this dtype (strings, quantized and unsigned types wider than 8 bits, resources, variants).</summary>
    public ScalarType? TorchDType { get; }

    /// <summary>The full tensor's shape; empty for a scalar.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Index of the data file (<c>PREFIX.data-NNNNN-of-NNNNN</c>) holding the bytes.</summary>
    public int ShardId { get; }

    /// <summary>Offset of the bytes in that data file.</summary>
    public long Offset { get; }

    /// <summary>Number of bytes stored.</summary>
    public long Size { get; }

    /// <summary>TF's masked CRC-32C of the stored bytes, as recorded in the index.</summary>
    public uint Crc32C { get; }

    /// <summary>For a partitioned variable, the slices it was saved as (<c>start,length</c> per dimension, <c>-</c> for a whole dimension); empty otherwise.</summary>
    public IReadOnlyList<string> Slices { get; }

    /// <summary>Whether the variable was saved in slices (a partitioned variable), which Parity refuses to read.</summary>
    public bool IsPartitioned => Slices.Count > 0;

    /// <summary>Name, dtype and shape, as TF's checkpoint inspection prints them.</summary>
    /// <returns>For example <c>h1/w (float32) [784, 100]</c>.</returns>
    public override string ToString() => $"{Name} ({DType}) [{string.Join(", ", Shape)}]";
}
