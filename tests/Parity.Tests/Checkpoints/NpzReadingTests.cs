using System;
using System.Linq;
using Parity.Checkpoints;
using static TorchSharp.torch;

namespace Parity.Tests.Checkpoints;

/// <summary>
/// Files written by real NumPy (Fixtures/make_fixtures.py) load with the right names, dtypes,
/// shapes and values; the values are restated here from the script's formulas.
/// </summary>
public class NpzReadingTests
{
    [TestCase("reference.npz")]
    [TestCase("reference_compressed.npz")]
    public void ANumPyArchive_LoadsEveryArrayExactly(string fixture)
    {
        var arrays = NpzCheckpoint.ReadTensors(NpzFiles.Fixture(fixture));
        try
        {
            Assert.That(arrays.Keys, Is.EquivalentTo(new[] { "dense/kernel", "dense/bias", "counts", "global_step", "empty" }));

            var kernel = arrays["dense/kernel"];
            Assert.That(kernel.dtype, Is.EqualTo(ScalarType.Float32));
            Assert.That(kernel.shape, Is.EqualTo(new long[] { 3, 4 }));
            Assert.That(kernel.data<float>().ToArray(), Is.EqualTo(Enumerable.Range(0, 12).Select(i => i * 0.25f - 1)));

            var bias = arrays["dense/bias"];
            Assert.That(bias.dtype, Is.EqualTo(ScalarType.Float64));
            Assert.That(bias.data<double>().ToArray(), Is.EqualTo(new[] { 1.5, -2.25, 1e-300, Math.PI }));

            var counts = arrays["counts"];
            Assert.That(counts.dtype, Is.EqualTo(ScalarType.Int32));
            Assert.That(counts.shape, Is.EqualTo(new long[] { 2, 3, 1 }));
            Assert.That(counts.data<int>().ToArray(), Is.EqualTo(new[] { -2, -1, 0, 1, 2, 3 }));

            var step = arrays["global_step"];
            Assert.That(step.dtype, Is.EqualTo(ScalarType.Int64));
            Assert.That(step.shape, Is.Empty);
            Assert.That(step.item<long>(), Is.EqualTo((1L << 40) + 7));

            Assert.That(arrays["empty"].shape, Is.EqualTo(new long[] { 0, 3 }));
        }
        finally
        {
            foreach (var tensor in arrays.Values)
            {
                tensor.Dispose();
            }
        }
    }

    [Test]
    public void AVersion2Header_IsRead()
    {
        var arrays = NpzCheckpoint.ReadTensors(NpzFiles.Fixture("version2.npz"));

        Assert.That(arrays["w"].data<double>().ToArray(), Is.EqualTo(new[] { 0.0, 1, 2, 3, 4 }));
        arrays["w"].Dispose();
    }

    [TestCase("fortran_order.npz", "Fortran (column-major) order")]
    [TestCase("big_endian.npz", "dtype '>f4' is big-endian")]
    [TestCase("complex.npz", "dtype '<c8' is not supported; Parity reads float16, float32, float64, int8, int16, int32, int64, uint8 and bool arrays")]
    public void ArraysParityCannotHold_AreRefusedWithTheReason(string fixture, string reason)
    {
        Assert.That(
            () => NpzCheckpoint.ReadTensors(NpzFiles.Fixture(fixture)),
            Throws.InstanceOf<CheckpointFormatException>().With.Message.Contains(reason).And.Message.Contains("[w.npy]"));
    }
}
