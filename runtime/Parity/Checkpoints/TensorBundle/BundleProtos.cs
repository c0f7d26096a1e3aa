using System;
using System.Collections.Generic;
using Google.Protobuf;

namespace Parity.Checkpoints.TensorBundle;

/// <summary>
/// Decodes the two protocol-buffer messages of a checkpoint index: the header under the empty key
/// (<c>BundleHeaderProto</c>) and one entry per tensor (<c>BundleEntryProto</c>, with its
/// <c>TensorShapeProto</c> and <c>TensorSliceProto</c>s). Field numbers follow TF's
/// <c>tensor_bundle.proto</c>; unknown fields are skipped as protobuf allows.
/// </summary>
internal static class BundleProtos
{
    /// <summary>The most dimensions a stored shape may have (TF's own limit is 254).</summary>
    private const int MaxRank = 254;

    /// <summary>Decodes <c>BundleHeaderProto</c>: shard count, endianness (0 little, 1 big) and the producer's minimum reader version.</summary>
    public static (int Shards, int Endianness, int MinConsumer) Header(byte[] bytes, string where)
    {
        int shards = 0, endianness = 0, minConsumer = 0;
        Decode(bytes, where, (input, field) =>
        {
            switch (field)
            {
                case 1: shards = input.ReadInt32(); return true;
                case 2: endianness = input.ReadEnum(); return true;
                case 3:
                    Decode(input.ReadBytes().ToByteArray(), where, (version, versionField) =>
                    {
                        if (versionField != 2)
                        {
                            return false;
                        }

                        minConsumer = version.ReadInt32();
                        return true;
                    });
                    return true;
                default: return false;
            }
        });
        return (shards, endianness, minConsumer);
    }

    /// <summary>Decodes one <c>BundleEntryProto</c>.</summary>
    public static StoredEntry Entry(byte[] bytes, string where)
    {
        var entry = new StoredEntry();
        Decode(bytes, where, (input, field) =>
        {
            switch (field)
            {
                case 1: entry.DType = input.ReadEnum(); return true;
                case 2: entry.Shape = Shape(input.ReadBytes().ToByteArray(), where); return true;
                case 3: entry.ShardId = input.ReadInt32(); return true;
                case 4: entry.Offset = input.ReadInt64(); return true;
                case 5: entry.Size = input.ReadInt64(); return true;
                case 6: entry.Crc32C = input.ReadFixed32(); return true;
                case 7: entry.Slices.Add(Slice(input.ReadBytes().ToByteArray(), where)); return true;
                default: return false;
            }
        });
        return entry;
    }

    /// <summary>Decodes <c>TensorShapeProto</c>: the dimension sizes; an unknown rank or size is an error.</summary>
    private static long[] Shape(byte[] bytes, string where)
    {
        var dims = new List<long>();
        Decode(bytes, where, (input, field) =>
        {
            switch (field)
            {
                case 2:
                    if (dims.Count == MaxRank)
                    {
                        throw new CheckpointFormatException($"{where}: the stored shape has more than {MaxRank} dimensions; the entry is corrupt.");
                    }

                    long size = -1;
                    Decode(input.ReadBytes().ToByteArray(), where, (dim, dimField) =>
                    {
                        if (dimField != 1)
                        {
                            return false;
                        }

                        size = dim.ReadInt64();
                        return true;
                    });
                    dims.Add(size);
                    return true;
                case 3:
                    if (input.ReadBool())
                    {
                        throw new CheckpointFormatException($"{where}: the stored shape has unknown rank; a saved tensor always has a known shape, so the entry is corrupt.");
                    }

                    return true;
                default: return false;
            }
        });
        return dims.ToArray();
    }

    /// <summary>Decodes <c>TensorSliceProto</c> as text TF users know: <c>start,length</c> per dimension, <c>-</c> for a whole one.</summary>
    private static string Slice(byte[] bytes, string where)
    {
        var extents = new List<string>();
        Decode(bytes, where, (input, field) =>
        {
            if (field != 1)
            {
                return false;
            }

            long start = 0;
            long? length = null;
            Decode(input.ReadBytes().ToByteArray(), where, (extent, extentField) =>
            {
                switch (extentField)
                {
                    case 1: start = extent.ReadInt64(); return true;
                    case 2: length = extent.ReadInt64(); return true;
                    default: return false;
                }
            });
            extents.Add(length is { } l ? $"{start},{l}" : "-");
            return true;
        });
        return string.Join(':', extents);
    }

    /// <summary>Runs <paramref name="field"/> on each field; fields it does not take are skipped.</summary>
    private static void Decode(byte[] bytes, string where, Func<CodedInputStream, int, bool> field)
    {
        try
        {
            var input = new CodedInputStream(bytes);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                if (!field(input, WireFormat.GetTagFieldNumber(tag)))
                {
                    input.SkipLastField();
                }
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new CheckpointFormatException($"{where}: the stored record is not a valid protocol buffer ({e.Message}); the index file is corrupt.", e);
        }
    }
}
