using System;
using System.IO;
using System.Linq;
using Parity.Checkpoints;
using Parity.Tests.Shared;

namespace Parity.Tests.Checkpoints.Tf;

/// <summary>
/// Damaged and hostile checkpoints: real ones TF wrote, broken on purpose in a temporary copy, and
/// hand-made ones whose index lies. Each gets an error naming the file and the entry, and nothing
/// is allocated by a size the file merely claims.
/// </summary>
public class TfCheckpointHostileFileTests
{
    private const int Float32 = 1;
    private const int String = 7;
    private static readonly byte[] TwoFloats = [0, 0, 128, 63, 0, 0, 0, 64];

    [Test]
    public void AHandMadeCheckpoint_Reads()
    {
        // The control for the hand-made cases below: the builder itself writes readable checkpoints.
        var prefix = Bundle(BundleFiles.Entry(Float32, [2], 0, 8, TwoFloats));

        using var tensor = TfCheckpoint.Open(prefix).Read("w");

        Assert.That(tensor.data<float>().ToArray(), Is.EqualTo(new[] { 1f, 2f }));
    }

    [Test]
    public void ShardedCheckpoint_ReadsEachTensorFromItsDataFile()
    {
        byte[] second = [0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64];
        var prefix = BundleFiles.Write(
            BundleFiles.Header(shards: 2),
            [("a", BundleFiles.Entry(Float32, [2], 0, 8, TwoFloats)), ("b", BundleFiles.Entry(Float32, [3], 0, 12, second, shard: 1))],
            TwoFloats,
            second);
        var checkpoint = TfCheckpoint.Open(prefix);

        using var a = checkpoint.Read("a");
        using var b = checkpoint.Read("b");

        Assert.That(checkpoint.ShardPath(1), Is.EqualTo(prefix + ".data-00001-of-00002"));
        Assert.That(a.data<float>().ToArray(), Is.EqualTo(new[] { 1f, 2f }));
        Assert.That(b.data<float>().ToArray(), Is.EqualTo(new[] { 3f, 4f, 5f }));
    }

    [Test]
    public void TruncatedIndex_IsRefusedForItsMissingMagic()
    {
        var prefix = Valid();
        var index = File.ReadAllBytes(prefix + ".index");
        File.WriteAllBytes(prefix + ".index", index[..^20]);

        Assert.That(OpenError(prefix), Does.Contain("model.ckpt.index: the file does not end with the table magic number; it is truncated"));
    }

    [Test]
    public void WrongMagic_IsRefused()
    {
        var prefix = Valid();
        Flip(prefix + ".index", ^1);

        Assert.That(OpenError(prefix), Does.Contain("not a TF checkpoint index (tensor bundle V2)"));
    }

    [Test]
    public void ShorterThanAFooter_IsRefused()
    {
        var prefix = Valid();
        File.WriteAllBytes(prefix + ".index", new byte[10]);

        Assert.That(OpenError(prefix), Does.Contain("10 bytes is shorter than a table footer"));
    }

    [Test]
    public void CorruptIndexBlock_FailsItsChecksum()
    {
        var prefix = Valid();
        Flip(prefix + ".index", 20);

        Assert.That(OpenError(prefix), Does.Contain("the data block at offset 0 fails its checksum"));
    }

    [Test]
    public void TruncatedDataFile_NamesTheShardAndTheEntry()
    {
        var prefix = Valid();
        var shard = prefix + ".data-00000-of-00001";
        File.WriteAllBytes(shard, File.ReadAllBytes(shard)[..4]);
        var checkpoint = TfCheckpoint.Open(prefix);

        var error = Assert.Throws<CheckpointFormatException>(() => checkpoint.Read("w"))!;

        Assert.That(error.Message, Does.Contain($"{shard} ['w']: the index places the tensor at bytes [0, 8) but the data file has 4 bytes"));
    }

    [Test]
    public void FlippedDataByte_FailsTheStoredCrc()
    {
        var prefix = Valid();
        Flip(prefix + ".data-00000-of-00001", 0);
        var checkpoint = TfCheckpoint.Open(prefix);
        var first = checkpoint.Entries.Single(entry => entry.Offset == 0);

        var error = Assert.Throws<CheckpointFormatException>(() => checkpoint.Read(first.Name))!;

        Assert.That(error.Message, Does.Contain($"['{first.Name}']: the bytes fail TF's checksum (stored masked CRC-32C 0x{first.Crc32C:x8}"));
    }

    [Test]
    public void MissingShard_IsNamed()
    {
        var prefix = Valid();
        File.Delete(prefix + ".data-00000-of-00001");
        var checkpoint = TfCheckpoint.Open(prefix);

        var error = Assert.Throws<CheckpointFormatException>(() => checkpoint.ReadTensors())!;

        Assert.That(error.Message, Does.Contain("model.ckpt.data-00000-of-00001 ['w']: the data file is missing"));
    }

    [Test]
    public void ShapeWithMoreElementsThanCanExist_IsRefused()
    {
        var prefix = Bundle(BundleFiles.Entry(Float32, [1L << 40, 1L << 40], 0, 8, TwoFloats));

        Assert.That(OpenError(prefix), Does.Contain("['w']: the stored shape (1099511627776, 1099511627776) declares more elements than can exist"));
    }

    [Test]
    public void ShapeWhoseBytesOverflow_IsRefused()
    {
        var prefix = Bundle(BundleFiles.Entry(Float32, [1L << 31, 1L << 31], 0, 8, TwoFloats));

        Assert.That(OpenError(prefix), Does.Contain("['w']: the entry stores 8 bytes but float32 (2147483648, 2147483648) needs 4611686018427387904 elements of 4 bytes"));
    }

    [Test]
    public void NegativeDimension_IsRefused()
    {
        var prefix = Bundle(BundleFiles.Entry(Float32, [-2], 0, 8, TwoFloats));

        Assert.That(OpenError(prefix), Does.Contain("['w']: the stored shape (-2,) has a negative dimension"));
    }

    [Test]
    public void HugeDeclaredSize_IsRefusedBeforeAnyAllocation()
    {
        // Shape and size agree (4 TiB), so only the data file's real length can refute them.
        var prefix = Bundle(BundleFiles.Entry(Float32, [1L << 40], 0, 4L << 40, TwoFloats));
        var checkpoint = TfCheckpoint.Open(prefix);

        var error = Assert.Throws<CheckpointFormatException>(() => checkpoint.Read("w"))!;

        Assert.That(error.Message, Does.Contain("['w']: the index places the tensor at bytes [0, 4398046511104) but the data file has 8 bytes"));
    }

    [Test]
    public void OffsetPastTheShard_IsRefused()
    {
        var prefix = Bundle(BundleFiles.Entry(Float32, [2], 1000, 8, TwoFloats));

        var error = Assert.Throws<CheckpointFormatException>(() => TfCheckpoint.Open(prefix).Read("w"))!;

        Assert.That(error.Message, Does.Contain("model.ckpt.data-00000-of-00001 ['w']: the index places the tensor at bytes [1000, 1008) but the data file has 8 bytes"));
    }

    [Test]
    public void ShardIdPastTheHeader_IsRefused()
    {
        var prefix = Bundle(BundleFiles.Entry(Float32, [2], 0, 8, TwoFloats, shard: 3));

        Assert.That(OpenError(prefix), Does.Contain("['w']: the entry is in data file 3 but the header declares 1"));
    }

    [Test]
    public void WrongEntryCrc_IsRefused()
    {
        var prefix = Bundle(BundleFiles.Entry(Float32, [2], 0, 8, TwoFloats, crc: 12345));

        var error = Assert.Throws<CheckpointFormatException>(() => TfCheckpoint.Open(prefix).Read("w"))!;

        Assert.That(error.Message, Does.Contain("['w']: the bytes fail TF's checksum (stored masked CRC-32C 0x00003039"));
    }

    [Test]
    public void GarbageEntryRecord_IsRefused()
    {
        // Field 2 (the shape) claims 127 bytes where none follow.
        var prefix = Bundle([0x12, 0x7f]);

        Assert.That(OpenError(prefix), Does.Contain("['w']: the stored record is not a valid protocol buffer"));
    }

    [Test]
    public void Strings_AreListedButRefusedWhenRead()
    {
        var prefix = Bundle(BundleFiles.Entry(String, [1], 0, 8, TwoFloats));
        var checkpoint = TfCheckpoint.Open(prefix);

        Assert.That(checkpoint.Entries.Single().ToString(), Is.EqualTo("w (string) [1]"));
        var error = Assert.Throws<NotSupportedException>(() => checkpoint.Read("w"))!;
        Assert.That(error.Message, Does.Contain("'w' holds string values; Parity reads float16, bfloat16, float32, float64, int8, int16, int32, int64, uint8 and bool tensors"));
    }

    [Test]
    public void PartitionedVariable_IsRefusedWithItsSlices()
    {
        var prefix = Bundle(BundleFiles.Entry(Float32, [4], 0, 0, [], slices: ["2", "2"]));
        var checkpoint = TfCheckpoint.Open(prefix);

        Assert.That(checkpoint.Entries.Single().IsPartitioned, Is.True);
        var error = Assert.Throws<NotSupportedException>(() => checkpoint.Read("w"))!;
        Assert.That(error.Message, Does.Contain("'w' is a partitioned variable saved as 2 slices (0,2; 0,2). Parity does not reassemble partitioned variables"));
    }

    [Test]
    public void BigEndianCheckpoint_IsRefused()
    {
        var prefix = BundleFiles.Write(BundleFiles.Header(endianness: 1), [("w", BundleFiles.Entry(Float32, [2], 0, 8, TwoFloats))], TwoFloats);

        Assert.That(OpenError(prefix), Does.Contain("[bundle header]: the checkpoint was written on a big-endian machine"));
    }

    [Test]
    public void NewerBundleVersion_IsRefused()
    {
        var prefix = BundleFiles.Write(BundleFiles.Header(minConsumer: 7), [("w", BundleFiles.Entry(Float32, [2], 0, 8, TwoFloats))], TwoFloats);

        Assert.That(OpenError(prefix), Does.Contain("the bundle needs a reader of version 7 or newer"));
    }

    [Test]
    public void TableWithoutBundleHeader_IsRefused()
    {
        var prefix = Valid();
        File.WriteAllBytes(prefix + ".index", BundleFiles.Table([("w"u8.ToArray(), BundleFiles.Entry(Float32, [2], 0, 8, TwoFloats))]));

        Assert.That(OpenError(prefix), Does.Contain("the index has no bundle header (the entry under the empty key)"));
    }

    /// <summary>
    /// A valid checkpoint to damage, made here so every case runs without the TF-written fixtures (one tensor
    /// 'w' of two floats at offset 0; <see cref="AHandMadeCheckpoint_Reads"/> shows it reads).
    /// </summary>
    private static string Valid() => Bundle(BundleFiles.Entry(Float32, [2], 0, 8, TwoFloats));

    private static string Bundle(byte[] entry) => BundleFiles.Write(BundleFiles.Header(), [("w", entry)], TwoFloats);

    private static string OpenError(string prefix) =>
        Assert.Throws<CheckpointFormatException>(() => TfCheckpoint.Open(prefix))!.Message;

    private static void Flip(string path, Index at)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[at] ^= 0x5a;
        File.WriteAllBytes(path, bytes);
    }
}
