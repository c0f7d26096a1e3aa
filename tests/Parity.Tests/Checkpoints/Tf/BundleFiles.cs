using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Google.Protobuf;
using Parity.Checkpoints.TensorBundle;

namespace Parity.Tests.Checkpoints.Tf;

/// <summary>
/// Writes small tensor-bundle checkpoints by hand (often deliberately wrong) for the hostile-file
/// tests: an index table with one data block, and a data file.
/// </summary>
internal static class BundleFiles
{
    private const ulong Magic = 0xdb4775248b80fb57ul;

    /// <summary>The header record: shard count, endianness, and the producer's minimum reader version.</summary>
    public static byte[] Header(int shards = 1, int endianness = 0, int minConsumer = 0)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteInt32(shards);
        output.WriteTag(2, WireFormat.WireType.Varint);
        output.WriteEnum(endianness);
        output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(Message(version =>
        {
            version.WriteTag(1, WireFormat.WireType.Varint);
            version.WriteInt32(1);
            version.WriteTag(2, WireFormat.WireType.Varint);
            version.WriteInt32(minConsumer);
        })));
        output.Flush();
        return stream.ToArray();
    }

    /// <summary>One <c>BundleEntryProto</c>; <paramref name="crc"/> defaults to the correct masked CRC of <paramref name="data"/>.</summary>
    public static byte[] Entry(int dtype, long[] shape, long offset, long size, byte[] data, int shard = 0, uint? crc = null, string[]? slices = null) => Message(output =>
    {
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteEnum(dtype);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(Message(shapeOutput =>
        {
            foreach (var dim in shape)
            {
                shapeOutput.WriteTag(2, WireFormat.WireType.LengthDelimited);
                shapeOutput.WriteBytes(ByteString.CopyFrom(Message(dimOutput =>
                {
                    dimOutput.WriteTag(1, WireFormat.WireType.Varint);
                    dimOutput.WriteInt64(dim);
                })));
            }
        })));
        output.WriteTag(3, WireFormat.WireType.Varint);
        output.WriteInt32(shard);
        output.WriteTag(4, WireFormat.WireType.Varint);
        output.WriteInt64(offset);
        output.WriteTag(5, WireFormat.WireType.Varint);
        output.WriteInt64(size);
        output.WriteTag(6, WireFormat.WireType.Fixed32);
        output.WriteFixed32(crc ?? Crc32C.Mask(Crc32C.Compute(data)));
        foreach (var slice in slices ?? [])
        {
            output.WriteTag(7, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(Message(sliceOutput =>
            {
                sliceOutput.WriteTag(1, WireFormat.WireType.LengthDelimited);
                sliceOutput.WriteBytes(ByteString.CopyFrom(Message(extent =>
                {
                    extent.WriteTag(1, WireFormat.WireType.Varint);
                    extent.WriteInt64(0);
                    extent.WriteTag(2, WireFormat.WireType.Varint);
                    extent.WriteInt64(long.Parse(slice, System.Globalization.CultureInfo.InvariantCulture));
                })));
            })));
        }
    });

    /// <summary>Writes <c>PREFIX.index</c> holding the header and the entries (sorted by name) and <c>PREFIX.data-00000-of-00001</c>.</summary>
    public static string Write(byte[] header, IEnumerable<(string Name, byte[] Entry)> entries, byte[] data, int shards = 1)
    {
        var directory = Directory.CreateTempSubdirectory("parity-bundle-").FullName;
        var prefix = Path.Combine(directory, "model.ckpt");
        var records = new List<(byte[] Key, byte[] Value)> { ([], header) };
        records.AddRange(entries.OrderBy(entry => entry.Name, StringComparer.Ordinal).Select(entry => (Encoding.UTF8.GetBytes(entry.Name), entry.Entry)));
        File.WriteAllBytes(prefix + ".index", Table(records));
        File.WriteAllBytes($"{prefix}.data-00000-of-{shards:D5}", data);
        return prefix;
    }

    /// <summary>A LevelDB-style table: one data block (every key whole, one restart point), an empty metaindex block, an index block, the footer.</summary>
    public static byte[] Table(IReadOnlyList<(byte[] Key, byte[] Value)> records)
    {
        using var file = new MemoryStream();
        var dataHandle = WriteBlock(file, records);
        var metaHandle = WriteBlock(file, []);
        var indexHandle = WriteBlock(file, [(records[^1].Key, dataHandle)]);
        var footer = new byte[48];
        var handles = metaHandle.Concat(indexHandle).ToArray();
        handles.CopyTo(footer, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(footer.AsSpan(40), Magic);
        file.Write(footer);
        return file.ToArray();
    }

    private static byte[] WriteBlock(MemoryStream file, IReadOnlyList<(byte[] Key, byte[] Value)> records)
    {
        var block = new List<byte>();
        foreach (var (key, value) in records)
        {
            block.AddRange(Varint(0));
            block.AddRange(Varint((ulong)key.Length));
            block.AddRange(Varint((ulong)value.Length));
            block.AddRange(key);
            block.AddRange(value);
        }

        block.AddRange(BitConverter.GetBytes(0u));
        block.AddRange(BitConverter.GetBytes(1u));
        var contents = block.ToArray();
        var offset = (ulong)file.Position;
        file.Write(contents);
        file.WriteByte(0);
        var crc = Crc32C.Mask(Crc32C.Compute(contents, [0]));
        file.Write(BitConverter.GetBytes(crc));
        return Varint(offset).Concat(Varint((ulong)contents.Length)).ToArray();
    }

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return bytes.ToArray();
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
    }
}
