using Parity.Torch;

namespace Parity.Torch.Tests;

public sealed class InPlaceTests
{
    [Test]
    public void CopyFromBroadcastsAndConverts()
    {
        using var scope = Torch.NewDisposeScope();
        var target = Tensor.Zeros([2, 2], DType.Float64);
        target.CopyFrom(Tensor.FromArray(new[] { 1, 2 }));

        Assert.That(target.ToArray<double>(), Is.EqualTo(new double[] { 1, 2, 1, 2 }));
    }

    [Test]
    public void OptimizerStyleUpdates()
    {
        using var scope = Torch.NewDisposeScope();
        var w = Tensor.FromArray(new float[] { 1, 2 });
        var g = Tensor.FromArray(new float[] { 2, 4 });

        w.SubInPlace(g, alpha: 0.5);
        Assert.That(w.ToArray<float>(), Is.EqualTo(new float[] { 0, 0 }));
        w.AddInPlace(g, alpha: 2);
        Assert.That(w.ToArray<float>(), Is.EqualTo(new float[] { 4, 8 }));
        w.MulInPlace(g);
        Assert.That(w.ToArray<float>(), Is.EqualTo(new float[] { 8, 32 }));
        w.MulInPlace(g, alpha: 0.5);
        Assert.That(w.ToArray<float>(), Is.EqualTo(new float[] { 8, 64 }));
        w.AddInPlace(1);
        w.SubInPlace(3);
        w.DivInPlace(2);
        w.MulInPlace(4);
        Assert.That(w.ToArray<float>(), Is.EqualTo(new float[] { 12, 124 }));
        w.Fill(-1);
        Assert.That(w.ToArray<float>(), Is.EqualTo(new float[] { -1, -1 }));
    }

    [Test]
    public void ConversionsMakeIndependentCopies()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.FromArray(new float[] { 1.5f, -2.5f });
        var asInt = x.To(DType.Int32);
        var copy = x.Clone();
        x.Fill(0);

        Assert.That(asInt.ToArray<int>(), Is.EqualTo(new[] { 1, -2 }), "float to int truncates toward zero");
        Assert.That(copy.ToArray<float>(), Is.EqualTo(new[] { 1.5f, -2.5f }));
    }
}
