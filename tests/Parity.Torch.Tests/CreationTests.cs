using System;
using Parity.Torch;

namespace Parity.Torch.Tests;

public sealed class CreationTests
{
    [Test]
    public void ZerosOnesAndFullHaveTheirShapeDtypeAndValue()
    {
        using var zeros = Tensor.Zeros([2, 3], DType.Int64);
        using var ones = Tensor.Ones([4]);
        using var full = Tensor.Full([2, 2], 2.5, DType.Float64);

        Assert.That(zeros.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(zeros.Rank, Is.EqualTo(2));
        Assert.That(zeros.NumElements, Is.EqualTo(6));
        Assert.That(zeros.DType, Is.EqualTo(DType.Int64));
        Assert.That(zeros.ToArray<long>(), Is.All.EqualTo(0L));
        Assert.That(ones.ToArray<float>(), Is.EqualTo(new float[] { 1, 1, 1, 1 }));
        Assert.That(full.ToArray<double>(), Is.EqualTo(new[] { 2.5, 2.5, 2.5, 2.5 }));
    }

    [Test]
    public void ArangeExcludesTheEnd()
    {
        using var simple = Tensor.Arange(4, DType.Int32);
        using var stepped = Tensor.Arange(1, 2, 0.25);
        using var down = Tensor.Arange(3, 0, -1, DType.Int64);

        Assert.That(simple.ToArray<int>(), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(stepped.ToArray<float>(), Is.EqualTo(new[] { 1f, 1.25f, 1.5f, 1.75f }));
        Assert.That(down.ToArray<long>(), Is.EqualTo(new long[] { 3, 2, 1 }));
    }

    [Test]
    public void ScalarIsZeroDimensional()
    {
        using var scalar = Tensor.Scalar(7, DType.Int32);

        Assert.That(scalar.Rank, Is.EqualTo(0));
        Assert.That(scalar.Shape, Is.Empty);
        Assert.That(scalar.Item<int>(), Is.EqualTo(7));
    }

    [Test]
    public void FromArrayRoundTripsEveryDtype()
    {
        using var f = Tensor.FromArray(new[] { 1.5f, -2f, 3f, 4f, 5f, 6f }, [2, 3]);
        using var d = Tensor.FromArray(new[] { Math.PI, -Math.E });
        using var i = Tensor.FromArray(new[] { int.MinValue, int.MaxValue });
        using var l = Tensor.FromArray(new[] { long.MinValue, 1L << 40 });
        using var b = Tensor.FromArray(new[] { true, false, true }, [3, 1]);

        Assert.That(f.ToArray<float>(), Is.EqualTo(new[] { 1.5f, -2f, 3f, 4f, 5f, 6f }));
        Assert.That(f.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(d.ToArray<double>(), Is.EqualTo(new[] { Math.PI, -Math.E }));
        Assert.That(i.ToArray<int>(), Is.EqualTo(new[] { int.MinValue, int.MaxValue }));
        Assert.That(l.ToArray<long>(), Is.EqualTo(new[] { long.MinValue, 1L << 40 }));
        Assert.That(b.DType, Is.EqualTo(DType.Bool));
        Assert.That(b.ToArray<bool>(), Is.EqualTo(new[] { true, false, true }));
    }

    [Test]
    public void FromArrayAcceptsSpans()
    {
        ReadOnlySpan<double> values = [1, 2, 3, 4, 5, 6];
        using var t = Tensor.FromArray(values[2..], [2, 2]);

        Assert.That(t.ToArray<double>(), Is.EqualTo(new double[] { 3, 4, 5, 6 }));
    }

    [Test]
    public void EmptyTensorsRoundTrip()
    {
        using var empty = Tensor.FromArray(System.Array.Empty<float>(), [0, 3]);

        Assert.That(empty.Shape, Is.EqualTo(new long[] { 0, 3 }));
        Assert.That(empty.NumElements, Is.Zero);
        Assert.That(empty.ToArray<float>(), Is.Empty);
    }

    [Test]
    public void FromArrayCopiesSoLaterChangesToTheArrayDoNotLeakIn()
    {
        var data = new float[] { 1, 2 };
        using var t = Tensor.FromArray(data);
        data[0] = 100;

        Assert.That(t.ToArray<float>(), Is.EqualTo(new float[] { 1, 2 }));
    }

    [Test]
    public void FromArrayRejectsAShapeThatDoesNotHoldTheData()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new float[5], [2, 3]));

        Assert.That(error!.Message, Does.Contain("got 5 values but shape [2, 3] holds 6"));
    }

    [Test]
    public void FromArrayRejectsAShapeWhoseSizeOverflows()
    {
        // 2^62 * 4 wraps to 0 in 64-bit arithmetic, which would otherwise "match" an empty array.
        var error = Assert.Throws<ArgumentException>(() => Tensor.FromArray(Array.Empty<float>(), [1L << 62, 4]));

        Assert.That(error!.Message, Does.Contain("holds more than 2^63"));
    }

    [Test]
    public void NegativeSizesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, -1]));
    }

    [Test]
    public void LikeFactoriesCopyShapeAndDtype()
    {
        using var source = Tensor.Full([2, 1], 9, DType.Float64);
        using var zeros = Tensor.ZerosLike(source);
        using var ones = Tensor.OnesLike(source);

        Assert.That(zeros.Shape, Is.EqualTo(new long[] { 2, 1 }));
        Assert.That(zeros.ToArray<double>(), Is.EqualTo(new double[] { 0, 0 }));
        Assert.That(ones.ToArray<double>(), Is.EqualTo(new double[] { 1, 1 }));
    }
}
