using System;
using Parity.Torch;

namespace Parity.Torch.Tests;

public sealed class ReductionTests
{
    [Test]
    public void GlobalReductions()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.FromArray(new float[] { 3, -1, 4, 1, -5, 9 }, [2, 3]);

        Assert.That(t.Sum().Item<float>(), Is.EqualTo(11f));
        Assert.That(t.Mean().Item<float>(), Is.EqualTo(11f / 6).Within(1e-6));
        Assert.That(t.Max().Item<float>(), Is.EqualTo(9f));
        Assert.That(t.Min().Item<float>(), Is.EqualTo(-5f));
        Assert.That(t.ArgMax().Item<long>(), Is.EqualTo(5L));
        Assert.That(t.ArgMin().Item<long>(), Is.EqualTo(4L));
    }

    [Test]
    public void ReductionsAlongDimensions()
    {
        using var scope = Torch.NewDisposeScope();
        // [[3 -1 4] [1 -5 9]]
        var t = Tensor.FromArray(new float[] { 3, -1, 4, 1, -5, 9 }, [2, 3]);

        Assert.That(t.Sum([0]).ToArray<float>(), Is.EqualTo(new float[] { 4, -6, 13 }));
        Assert.That(t.Sum([1], keepDim: true).Shape, Is.EqualTo(new long[] { 2, 1 }));
        Assert.That(t.Sum([0, 1]).Item<float>(), Is.EqualTo(11f));
        Assert.That(t.Mean([1]).ToArray<float>(), Is.EqualTo(new float[] { 2, 5f / 3 }).Within(1e-6));
        Assert.That(t.Max(1).ToArray<float>(), Is.EqualTo(new float[] { 4, 9 }));
        Assert.That(t.Min(0).ToArray<float>(), Is.EqualTo(new float[] { 1, -5, 4 }));
        Assert.That(t.ArgMax(0).ToArray<long>(), Is.EqualTo(new long[] { 0, 0, 1 }));
        Assert.That(t.ArgMin(1, keepDim: true).Shape, Is.EqualTo(new long[] { 2, 1 }));
        Assert.Throws<ArgumentException>(() => t.Sum(Array.Empty<long>()));
    }

    [Test]
    public void IntegerSumsWidenToInt64()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.FromArray(new[] { int.MaxValue, int.MaxValue });

        Assert.That(t.Sum().DType, Is.EqualTo(DType.Int64));
        Assert.That(t.Sum().Item<long>(), Is.EqualTo(2L * int.MaxValue));
    }

    [Test]
    public void AnyAndAll()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.FromArray(new[] { true, false, true, true }, [2, 2]);

        Assert.That(t.Any().Item<bool>(), Is.True);
        Assert.That(t.All().Item<bool>(), Is.False);
        Assert.That(t.All(1).ToArray<bool>(), Is.EqualTo(new[] { false, true }));
        Assert.That(t.Any(0).ToArray<bool>(), Is.EqualTo(new[] { true, true }));
    }
}
