using System;

namespace Parity.Checkpoints.TensorBundle;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum TF's checkpoint tables and
/// tensor entries carry, and TF's masking of it. System.IO.Hashing 10 offers only the IEEE CRC-32,
/// so this is a plain byte-at-a-time table; checkpoints are read once, speed is secondary.
/// </summary>
internal static class Crc32C
{
    /// <summary>The constant TF adds after rotating a CRC right by 15 bits before storing it.</summary>
    private const uint MaskDelta = 0xa282ead8u;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Extends the CRC of some bytes with the bytes that follow them.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var state = ~crc;
        foreach (var b in data)
        {
            state = Table[(state ^ b) & 0xff] ^ (state >> 8);
        }

        return ~state;
    }

    /// <summary>The stored form: TF masks CRCs so that a CRC of data holding CRCs stays well distributed.</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ 0x82F63B78u : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}
