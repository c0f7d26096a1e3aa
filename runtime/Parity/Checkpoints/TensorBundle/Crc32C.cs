using System;
using System.IO.Hashing;

namespace Parity.Checkpoints.TensorBundle;

/// <summary>
/// CRC-32C (Castagnoli), the checksum TF's checkpoint tables and tensor entries carry, computed by
/// System.IO.Hashing, and TF's masking of it.
/// </summary>
internal static class Crc32C
{
    /// <summary>The constant TF adds after rotating a CRC right by 15 bits before storing it.</summary>
    private const uint MaskDelta = 0xa282ead8u;

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, data);

    /// <summary>The CRC-32C of <paramref name="data"/> followed by <paramref name="trailer"/> (a table block and its type byte).</summary>
    public static uint Compute(ReadOnlySpan<byte> data, ReadOnlySpan<byte> trailer)
    {
        var crc = new Crc32(Crc32ParameterSet.Crc32C);
        crc.Append(data);
        crc.Append(trailer);
        return crc.GetCurrentHashAsUInt32();
    }

    /// <summary>The stored form: TF masks CRCs so that a CRC of data holding CRCs stays well distributed.</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;
}
