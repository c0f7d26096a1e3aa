using System;

namespace Parity.Checkpoints.TensorBundle;

/// <summary>A cursor over table bytes that reads LevelDB's varints and never reads past the end.</summary>
internal sealed class ByteReader(byte[] data, string path, string where)
{
    /// <summary>Offset of the next unread byte.</summary>
    public int Position { get; private set; }

    /// <summary>Whether every byte has been read.</summary>
    public bool AtEnd => Position >= data.Length;

    /// <summary>A varint that must fit in 32 bits.</summary>
    public uint VarUInt32()
    {
        var value = VarUInt64();
        return value <= uint.MaxValue ? (uint)value : throw Error($"a length of {value} does not fit in 32 bits");
    }

    /// <summary>A little-endian base-128 varint of at most 10 bytes.</summary>
    public ulong VarUInt64()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (AtEnd)
            {
                throw Error("a varint runs past the end");
            }

            var b = data[Position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw Error("a varint is longer than 10 bytes");
    }

    /// <summary>The next <paramref name="count"/> bytes, checked against what remains.</summary>
    public byte[] Bytes(uint count)
    {
        if (count > data.Length - Position)
        {
            throw Error($"an entry claims {count} bytes where {data.Length - Position} remain");
        }

        var bytes = data.AsSpan(Position, (int)count).ToArray();
        Position += (int)count;
        return bytes;
    }

    /// <summary>A block handle: the block's offset and length in the file.</summary>
    public (ulong Offset, ulong Length) BlockHandle() => (VarUInt64(), VarUInt64());

    private CheckpointFormatException Error(string problem) =>
        new($"{path}: {where}: {problem} (offset {Position}); the index file is truncated or corrupt.");
}
