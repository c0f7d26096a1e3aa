using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Parity.Checkpoints;

namespace Parity.Tests.Checkpoints;

/// <summary>
/// Corrupted, truncated and hostile files: each gets a CheckpointFormatException that says what is
/// wrong, and none makes Parity allocate what the file merely claims.
/// </summary>
public class HostileFileTests
{
    private const string GoodHeader = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";

    private static readonly byte[] TwoFloats = new byte[8];

    private static string ErrorFor(string path)
    {
        try
        {
            var error = Assert.Throws<CheckpointFormatException>(() => NpzCheckpoint.ReadTensors(path));
            return error!.Message;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string ErrorForEntry(byte[] npy) => ErrorFor(NpzFiles.Zip("w.npy", npy));

    private static string ErrorForHeader(string header, byte[]? data = null) => ErrorForEntry(NpzFiles.Npy(header, data ?? TwoFloats));

    [Test]
    public void AWellFormedHandMadeFile_Loads()
    {
        // The control for every test below: the builder itself makes readable files.
        var path = NpzFiles.Zip("w.npy", NpzFiles.Npy(GoodHeader, BitConverter.GetBytes(1.5f).Concat(BitConverter.GetBytes(-2f)).ToArray()));
        var arrays = NpzCheckpoint.ReadTensors(path);
        File.Delete(path);

        Assert.That(arrays["w"].data<float>().ToArray(), Is.EqualTo(new[] { 1.5f, -2f }));
        arrays["w"].Dispose();
    }

    [Test]
    public void NotAZipFile()
    {
        var path = NpzFiles.TempPath();
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("this is not an archive at all, just text"));

        Assert.That(ErrorFor(path), Does.Contain("not a readable .npz (zip) archive"));
    }

    [Test]
    public void ATruncatedArchive()
    {
        var path = NpzFiles.TempPath();
        var bytes = File.ReadAllBytes(NpzFiles.Fixture("reference.npz"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.That(ErrorFor(path), Does.Contain("not a readable .npz (zip) archive"));
    }

    [Test]
    public void AnEntryThatIsNotAnArray()
    {
        Assert.That(ErrorFor(NpzFiles.Zip("notes.txt", Encoding.ASCII.GetBytes("hello"))), Does.Contain("[notes.txt]: an .npz archive holds only .npy entries"));
    }

    [Test]
    public void BadMagic()
    {
        var npy = NpzFiles.Npy(GoodHeader, TwoFloats);
        npy[1] = (byte)'X';

        Assert.That(ErrorForEntry(npy), Does.Contain("not a .npy array (the entry does not start with the \\x93NUMPY magic string)"));
    }

    [Test]
    public void AnEntryCutInsideThePreamble()
    {
        Assert.That(ErrorForEntry(NpzFiles.Npy(GoodHeader, TwoFloats)[..7]), Does.Contain("the entry ends inside the magic string and version (truncated file)"));
    }

    [Test]
    public void AnUnknownFormatVersion()
    {
        Assert.That(ErrorForEntry(NpzFiles.Npy(GoodHeader, TwoFloats, major: 9)), Does.Contain(".npy format version 9.0 is not supported"));
    }

    [Test]
    public void AnAbsurdHeaderLength_IsRefusedBeforeReadingIt()
    {
        var npy = NpzFiles.Npy(GoodHeader, TwoFloats, major: 2);
        npy[8] = npy[9] = npy[10] = npy[11] = 0xFF;

        Assert.That(ErrorForEntry(npy), Does.Contain("declares 4294967295 bytes; headers over 65536 bytes are refused"));
    }

    [Test]
    public void AHeaderLongerThanTheEntry()
    {
        var npy = NpzFiles.Npy(GoodHeader, [], major: 1);
        npy[8] = 0xFF;
        npy[9] = 0x7F;

        Assert.That(ErrorForEntry(npy), Does.Contain("the .npy header declares 32767 bytes but the entry holds only"));
    }

    [TestCase("not a dictionary", "expected '{' at offset 0")]
    [TestCase("{'descr': '<f4', 'fortran_order': False}", "the header has no 'shape' tuple")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': True}", "keys other than 'descr', 'fortran_order' and 'shape'")]
    [TestCase("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", "the key 'descr' appears twice")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }", "is not a non-negative integer")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", "fits in 64 bits")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } trailing", "unexpected text after the closing brace")]
    [TestCase("{'descr': '<f4, 'fortran_order': False, 'shape': (2,), }", "expected ',' at offset 17")]
    [TestCase("{'descr': '<u2', 'fortran_order': False, 'shape': (2,), }", "dtype '<u2' is not supported")]
    [TestCase("{'descr': 7, 'fortran_order': False, 'shape': (2,), }", "unexpected value at offset 10")]
    public void AMalformedHeader_NamesTheProblem(string header, string problem)
    {
        var message = ErrorForHeader(header);

        Assert.That(message, Does.Contain("invalid .npy header"));
        Assert.That(message, Does.Contain(problem));
    }

    [Test]
    public void ADeclaredShapeLargerThanTheData_IsRefusedWithoutAllocatingIt()
    {
        // 2^40 float32 elements would be 4 TiB; the entry holds 8 bytes.
        const string huge = "{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776,), }";
        var path = NpzFiles.Zip("w.npy", NpzFiles.Npy(huge, TwoFloats));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var message = ErrorFor(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(message, Does.Contain("declares shape (1099511627776,) float32 (4398046511104 bytes of data) but the entry holds only 8 bytes after the header"));
        Assert.That(allocated, Is.LessThan(1 << 20), "nothing near the declared size was allocated");
    }

    [Test]
    public void AShapeWhoseByteCountOverflows()
    {
        const string overflow = "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }";

        Assert.That(ErrorForHeader(overflow), Does.Contain("declares more elements than can exist"));
    }

    [Test]
    public void TooManyDimensions()
    {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + string.Concat(Enumerable.Repeat("1,", 65)) + "), }";

        Assert.That(ErrorForHeader(header), Does.Contain("more than 64 dimensions"));
    }

    [Test]
    public void DeflatedDataThatIsCorrupt()
    {
        var path = NpzFiles.Zip("w.npy", NpzFiles.Npy(GoodHeader, new byte[4096]), CompressionLevel.Optimal);
        var bytes = File.ReadAllBytes(path);

        // Scramble the compressed stream (it starts after the 30-byte local header and the entry name).
        for (var i = 30 + "w.npy".Length; i < 30 + "w.npy".Length + 12; i++)
        {
            bytes[i] ^= 0xA5;
        }

        File.WriteAllBytes(path, bytes);

        Assert.That(ErrorFor(path), Does.Contain("[w.npy]"));
    }
}
