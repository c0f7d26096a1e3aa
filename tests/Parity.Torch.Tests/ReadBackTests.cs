using System;
using Parity.Torch;

namespace Parity.Torch.Tests;

public sealed class ReadBackTests
{
    [Test]
    public void ToArrayReadsNonContiguousViewsInLogicalOrder()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.Arange(6, DType.Int64).Reshape(2, 3).Transpose(0, 1);

        Assert.That(t.IsContiguous, Is.False);
        Assert.That(t.ToArray<long>(), Is.EqualTo(new long[] { 0, 3, 1, 4, 2, 5 }));
    }

    [Test]
    public void ToArrayWithTheWrongElementTypeSaysHowToConvert()
    {
        using var t = Tensor.Zeros([2], DType.Float64);

        var error = Assert.Throws<InvalidOperationException>(() => t.ToArray<float>());
        Assert.That(error!.Message, Does.Contain("needs a Float32 tensor but this tensor is Float64"));
        Assert.That(error.Message, Does.Contain(".To(DType.Float32)"));
    }

    [Test]
    public void ItemReadsOneElementAndRejectsMore()
    {
        using var one = Tensor.Full([1, 1], 4.5);
        using var two = Tensor.Zeros([2]);

        Assert.That(one.Item<float>(), Is.EqualTo(4.5f));
        Assert.That(Assert.Throws<InvalidOperationException>(() => two.Item<float>())!.Message, Does.Contain("shape [2]"));
    }

    [Test]
    public void ConvertingReadersAcceptAnyDtype()
    {
        using var i = Tensor.Scalar(-3, DType.Int32);
        using var f = Tensor.Scalar(2.75, DType.Float64);
        using var b = Tensor.FromArray(new[] { true });

        Assert.That(i.ToDouble(), Is.EqualTo(-3.0));
        Assert.That(f.ToSingle(), Is.EqualTo(2.75f));
        Assert.That(f.ToInt64(), Is.EqualTo(2L));
        Assert.That(b.ToInt64(), Is.EqualTo(1L));
    }

    [Test]
    public void ToStringIsShortAndReadable()
    {
        using var t = Tensor.Zeros([2, 3]);

        Assert.That(t.ToString(), Is.EqualTo("Tensor[2, 3] Float32"));
        t.RequiresGrad = true;
        Assert.That(t.ToString(), Is.EqualTo("Tensor[2, 3] Float32 requires_grad"));
        t.Dispose();
        Assert.That(t.ToString(), Is.EqualTo("Tensor(disposed)"));
    }

    [Test]
    public void SizeCountsNegativeDimensionsFromTheEnd()
    {
        using var t = Tensor.Zeros([2, 3, 4]);

        Assert.That(t.Size(0), Is.EqualTo(2));
        Assert.That(t.Size(-1), Is.EqualTo(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Size(3));
    }
}
