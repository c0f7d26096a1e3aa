using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Parity.Checkpoints.TensorBundle;

/// <summary>
/// Reads every key and value of a checkpoint's <c>.index</c> file, a LevelDB-style sorted table:
/// data blocks of prefix-compressed entries, an index block pointing at them, and a 48-byte footer
/// ending in the table magic number. Every block's masked CRC-32C is checked and every offset and
/// length is checked against the bytes actually present before it is used.
/// </summary>
internal static class TableReader
{
    /// <summary>The fixed64 every table ends with (the leading 64 bits of a SHA-1, as LevelDB chose).</summary>
    private const ulong Magic = 0xdb4775248b80fb57ul;

    /// <summary>Two block handles of at most 20 bytes each, padded, then the 8-byte magic.</summary>
    private const int FooterLength = 48;

    /// <summary>After each block: one compression-type byte and the masked CRC-32C of block and type.</summary>
    private const int BlockTrailerLength = 5;

    /// <summary>Reads the table held in <paramref name="file"/> (the whole <c>.index</c> file).</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="path">The file, for error messages.</param>
    /// <returns>Keys and values in table order.</returns>
    public static List<KeyValuePair<byte[], byte[]>> ReadAll(byte[] file, string path)
    {
        if (file.Length < FooterLength)
        {
            throw new CheckpointFormatException(
                $"{path}: {file.Length} bytes is shorter than a table footer ({FooterLength} bytes); the index file is truncated or not a TF checkpoint index.");
        }

        var footer = file.AsSpan(file.Length - FooterLength);
        if (BinaryPrimitives.ReadUInt64LittleEndian(footer[(FooterLength - 8)..]) != Magic)
        {
            throw new CheckpointFormatException(
                $"{path}: the file does not end with the table magic number; it is truncated or not a TF checkpoint index (tensor bundle V2).");
        }

        var handles = new ByteReader(footer[..(FooterLength - 8)].ToArray(), path, "the table footer");
        _ = handles.BlockHandle(); // the metaindex block: TF writes it empty and nothing in it is needed
        var (indexOffset, indexLength) = handles.BlockHandle();
        var index = Block(file, indexOffset, indexLength, path, "the index block");

        var entries = new List<KeyValuePair<byte[], byte[]>>();
        foreach (var (_, handle) in BlockEntries(index, path, "the index block"))
        {
            var reader = new ByteReader(handle, path, "an index block entry");
            var (offset, length) = reader.BlockHandle();
            var where = $"the data block at offset {offset}";
            foreach (var entry in BlockEntries(Block(file, offset, length, path, where), path, where))
            {
                if (entries.Count > 0 && entries[^1].Key.AsSpan().SequenceCompareTo(entry.Key) >= 0)
                {
                    throw new CheckpointFormatException($"{path}: {where}: keys are not in increasing order; the index is corrupt.");
                }

                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>The contents of the block at <paramref name="offset"/>, after checking its bounds, compression type and CRC.</summary>
    private static byte[] Block(byte[] file, ulong offset, ulong length, string path, string where)
    {
        var limit = (ulong)(file.Length - FooterLength);
        if (offset > limit || length > limit - offset || BlockTrailerLength > limit - offset - length)
        {
            throw new CheckpointFormatException(
                $"{path}: {where} claims bytes [{offset}, {offset + length}) plus its trailer, past the end of the {file.Length}-byte file (truncated or corrupt index).");
        }

        var contents = file.AsSpan((int)offset, (int)length);
        var type = file[(int)(offset + length)];
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)(offset + length) + 1, 4));
        var actual = Crc32C.Mask(Crc32C.Compute(contents, [type]));
        if (stored != actual)
        {
            throw new CheckpointFormatException(
                $"{path}: {where} fails its checksum (stored masked CRC-32C 0x{stored:x8}, computed 0x{actual:x8}); the index file is corrupt.");
        }

        return type switch
        {
            0 => contents.ToArray(),
            1 => throw new CheckpointFormatException(
                $"{path}: {where} is Snappy-compressed; TF writes checkpoint indexes uncompressed and Parity does not read compressed tables."),
            _ => throw new CheckpointFormatException($"{path}: {where} declares unknown compression type {type}; the index file is corrupt."),
        };
    }

    /// <summary>Decodes a block's entries: each key shares a prefix with the previous one; restart points hold full keys.</summary>
    private static List<KeyValuePair<byte[], byte[]>> BlockEntries(byte[] block, string path, string where)
    {
        if (block.Length < 4)
        {
            throw new CheckpointFormatException($"{path}: {where} is {block.Length} bytes, too short to hold its restart count.");
        }

        var restartCount = BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(block.Length - 4));
        if (restartCount > (uint)(block.Length - 4) / 4)
        {
            throw new CheckpointFormatException($"{path}: {where} declares {restartCount} restart points, more than its {block.Length} bytes can hold.");
        }

        var entriesEnd = block.Length - 4 - (4 * (int)restartCount);
        var restarts = new HashSet<int>();
        for (var i = 0; i < restartCount; i++)
        {
            restarts.Add((int)BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(entriesEnd + (4 * i))));
        }

        var reader = new ByteReader(block.AsSpan(0, entriesEnd).ToArray(), path, where);
        var entries = new List<KeyValuePair<byte[], byte[]>>();
        var startsAtRestart = 0;
        byte[] key = [];
        while (!reader.AtEnd)
        {
            var entryStart = reader.Position;
            var shared = reader.VarUInt32();
            var unshared = reader.VarUInt32();
            var valueLength = reader.VarUInt32();
            if (shared > key.Length)
            {
                throw new CheckpointFormatException($"{path}: {where}: an entry at offset {entryStart} shares {shared} bytes with a {key.Length}-byte previous key; the index is corrupt.");
            }

            if (restarts.Contains(entryStart))
            {
                if (shared != 0)
                {
                    throw new CheckpointFormatException($"{path}: {where}: the restart point at offset {entryStart} does not hold a full key; the index is corrupt.");
                }

                startsAtRestart++;
            }

            var suffix = reader.Bytes(unshared);
            var next = new byte[shared + suffix.Length];
            key.AsSpan(0, (int)shared).CopyTo(next);
            suffix.CopyTo(next, (int)shared);
            key = next;
            entries.Add(new(key, reader.Bytes(valueLength)));
        }

        if (entries.Count > 0 && startsAtRestart != restarts.Count)
        {
            throw new CheckpointFormatException($"{path}: {where}: {restarts.Count - startsAtRestart} restart point(s) do not fall on an entry; the index is corrupt.");
        }

        return entries;
    }
}
