using System.Collections.Generic;

namespace Parity.Checkpoints.TensorBundle;

/// <summary>A <c>BundleEntryProto</c> as stored, before any of its claims is checked.</summary>
internal sealed class StoredEntry
{
    /// <summary>TF's <c>DataType</c> value.</summary>
    public int DType { get; set; }

    /// <summary>Dimension sizes as stored (a corrupt entry may hold negative ones).</summary>
    public long[] Shape { get; set; } = [];

    /// <summary>The data file holding the bytes.</summary>
    public int ShardId { get; set; }

    /// <summary>Where the bytes start in the data file.</summary>
    public long Offset { get; set; }

    /// <summary>How many bytes the tensor takes.</summary>
    public long Size { get; set; }

    /// <summary>TF's masked CRC-32C of the bytes.</summary>
    public uint Crc32C { get; set; }

    /// <summary>The slices a partitioned variable was saved as, each <c>start,length</c> per dimension.</summary>
    public List<string> Slices { get; } = [];
}
