using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Checkpoints;

/// <summary>
/// Reads and writes one <c>.npy</c> array (format versions 1.0–3.0): the magic string, a version,
/// the header length, the header literal, then the raw little-endian C-order data.
/// </summary>
/// <remarks>
/// Reading never trusts a declared size: the header is bounded, the declared data size must fit in
/// what the entry says it holds, and the data buffer grows only as bytes actually arrive, so a
/// hostile header cannot make Parity allocate more than the file really contains.
/// </remarks>
internal static class NpyFormat
{
    /// <summary>The six bytes every .npy starts with: 0x93 then "NUMPY" (a byte, not UTF-8 text).</summary>
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Largest header accepted; real headers are under 200 bytes, numpy refuses over 10 000 by default.</summary>
    private const int MaxHeaderLength = 64 * 1024;

    /// <summary>First allocation for the data; it doubles as more data arrives.</summary>
    private const int InitialBufferBytes = 1 << 20;

    /// <summary>Reads one array from <paramref name="stream"/>, which holds <paramref name="entryLength"/> bytes.</summary>
    /// <param name="stream">The entry's stream, positioned at the start.</param>
    /// <param name="entryLength">The entry's size as its container declares it.</param>
    /// <param name="where">Names the file and entry in error messages.</param>
    public static Tensor Read(Stream stream, long entryLength, string where)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Reading .npy data assumes a little-endian machine.");
        }

        Span<byte> preamble = stackalloc byte[12];
        ReadExactly(stream, preamble[..8], where, "the magic string and version");
        if (!preamble[..6].SequenceEqual(Magic))
        {
            throw new CheckpointFormatException($"{where}: not a .npy array (the entry does not start with the \\x93NUMPY magic string).");
        }

        var major = preamble[6];
        int headerLength;
        int preambleLength;
        switch (major)
        {
            case 1:
                ReadExactly(stream, preamble[8..10], where, "the header length");
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..10]);
                preambleLength = 10;
                break;
            case 2 or 3:
                ReadExactly(stream, preamble[8..12], where, "the header length");
                var declared = BinaryPrimitives.ReadUInt32LittleEndian(preamble[8..12]);
                if (declared > MaxHeaderLength)
                {
                    throw new CheckpointFormatException(
                        $"{where}: the .npy header declares {declared} bytes; headers over {MaxHeaderLength} bytes are refused as corrupt or hostile.");
                }

                headerLength = (int)declared;
                preambleLength = 12;
                break;
            default:
                throw new CheckpointFormatException(
                    $"{where}: .npy format version {major}.{preamble[7]} is not supported (versions 1.0 to 3.0 are).");
        }

        if (preambleLength + (long)headerLength > entryLength)
        {
            throw new CheckpointFormatException(
                $"{where}: the .npy header declares {headerLength} bytes but the entry holds only {entryLength} bytes in total (truncated file?).");
        }

        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, where, "the header");
        var headerText = major == 3 ? DecodeUtf8(headerBytes, where) : Encoding.Latin1.GetString(headerBytes);
        var header = NpyHeader.Parse(headerText, where);

        var available = entryLength - preambleLength - headerLength;
        long dataBytes;
        try
        {
            dataBytes = checked(header.ElementCount * header.ElementSize);
        }
        catch (OverflowException)
        {
            throw new CheckpointFormatException($"{where}: the declared shape {ShapeFormat.Format(header.Shape)} is larger than any file can hold.");
        }

        if (dataBytes > available)
        {
            throw new CheckpointFormatException(
                $"{where}: the header declares shape {ShapeFormat.Format(header.Shape)} {DTypeNames.Of(header.DType)} " +
                $"({dataBytes} bytes of data) but the entry holds only {available} bytes after the header (truncated or corrupt file).");
        }

        if (dataBytes > Array.MaxLength)
        {
            throw new CheckpointFormatException(
                $"{where}: arrays over {Array.MaxLength} bytes ({dataBytes} declared) cannot be loaded; split the variable or use another format.");
        }

        var data = ReadData(stream, (int)dataBytes, where);
        // Copied straight into libtorch's memory: the bytes are already the little-endian C-order data.
        var tensor = torch.empty(header.Shape, header.DType);
        if (dataBytes > 0)
        {
            tensor.bytes = data;
        }

        return tensor;
    }

    /// <summary>Writes <paramref name="tensor"/> as a version 1.0 array (version 2.0 if the header needs it).</summary>
    public static void Write(Stream stream, Tensor tensor)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Writing .npy data assumes a little-endian machine.");
        }

        var npyHeader = new NpyHeader(tensor.dtype, tensor.shape);
        if (npyHeader.ElementCount * npyHeader.ElementSize > Array.MaxLength)
        {
            throw new ArgumentException(
                $"Arrays over {Array.MaxLength} bytes cannot be saved (shape {ShapeFormat.Format(npyHeader.Shape)} {DTypeNames.Of(npyHeader.DType)}); split the variable or use another format.",
                nameof(tensor));
        }

        var header = npyHeader.Format();

        // Pad with spaces and end with a newline so the data starts on a 64-byte boundary, as numpy does.
        var unpadded = Encoding.ASCII.GetByteCount(header) + 1;
        var version = unpadded + 10 <= ushort.MaxValue ? 1 : 2;
        var preambleLength = version == 1 ? 10 : 12;
        var padding = (64 - ((preambleLength + unpadded) % 64)) % 64;
        var headerBytes = Encoding.ASCII.GetBytes(header + new string(' ', padding) + "\n");

        Span<byte> preamble = stackalloc byte[12];
        Magic.CopyTo(preamble);
        preamble[6] = (byte)version;
        preamble[7] = 0;
        if (version == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(preamble[8..10], (ushort)headerBytes.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(preamble[8..12], (uint)headerBytes.Length);
        }

        stream.Write(preamble[..preambleLength]);
        stream.Write(headerBytes);
        // C order: a permuted view (an NHWC activation, an OIHW-stored kernel) is copied into it
        // first; a contiguous tensor's memory is then exactly the .npy data.
        using var ordered = tensor.contiguous();
        if (ordered.numel() > 0)
        {
            stream.Write(ordered.bytes);
        }
    }

    private static byte[] ReadData(Stream stream, int dataBytes, string where)
    {
        var buffer = new byte[Math.Min(dataBytes, InitialBufferBytes)];
        var filled = 0;
        while (filled < dataBytes)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(dataBytes, 2L * buffer.Length));
            }

            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                throw new CheckpointFormatException(
                    $"{where}: the data ends after {filled} of the {dataBytes} bytes the header declares (truncated file).");
            }

            filled += read;
        }

        return buffer;
    }

    private static void ReadExactly(Stream stream, Span<byte> target, string where, string what)
    {
        var filled = 0;
        while (filled < target.Length)
        {
            var read = stream.Read(target[filled..]);
            if (read == 0)
            {
                throw new CheckpointFormatException($"{where}: the entry ends inside {what} (truncated file).");
            }

            filled += read;
        }
    }

    private static string DecodeUtf8(byte[] bytes, string where)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new CheckpointFormatException($"{where}: the version 3.0 header is not valid UTF-8.", e);
        }
    }
}
