using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Parity.Tests.Checkpoints;

/// <summary>Builds hand-made (often deliberately broken) .npy and .npz files for the hostile-file tests.</summary>
internal static class NpzFiles
{
    public static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Checkpoints", "Fixtures", name);

    public static string TempPath() => Path.Combine(Path.GetTempPath(), $"parity-{Guid.NewGuid():N}.npz");

    /// <summary>A version 1.0 .npy: magic, version, header length, header text, data.</summary>
    public static byte[] Npy(string header, byte[] data, byte major = 1)
    {
        var text = Encoding.ASCII.GetBytes(header);
        using var stream = new MemoryStream();
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y']);
        stream.WriteByte(major);
        stream.WriteByte(0);
        Span<byte> length = stackalloc byte[4];
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)text.Length);
            stream.Write(length[..2]);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)text.Length);
            stream.Write(length);
        }

        stream.Write(text);
        stream.Write(data);
        return stream.ToArray();
    }

    /// <summary>Writes a one-entry zip to a temporary file and returns its path.</summary>
    public static string Zip(string entryName, byte[] content, CompressionLevel level = CompressionLevel.NoCompression)
    {
        var path = TempPath();
        using (var file = File.Create(path))
        using (var archive = new ZipArchive(file, ZipArchiveMode.Create))
        using (var entry = archive.CreateEntry(entryName, level).Open())
        {
            entry.Write(content);
        }

        return path;
    }
}
