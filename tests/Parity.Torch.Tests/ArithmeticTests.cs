using System;
using Parity.Torch;

namespace Parity.Torch.Tests;

public sealed class ArithmeticTests
{
    [Test]
    public void OperatorsBroadcastRowsOverColumns()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.FromArray(new float[] { 1, 2, 3, 4 }, [2, 2]);
        var row = Tensor.FromArray(new float[] { 10, 20 }, [2]);
        var column = Tensor.FromArray(new float[] { 2, 4 }, [2, 1]);

        Assert.That((a + row).ToArray<float>(), Is.EqualTo(new float[] { 11, 22, 13, 24 }));
        Assert.That((a - row).ToArray<float>(), Is.EqualTo(new float[] { -9, -18, -7, -16 }));
        Assert.That((a * column).ToArray<float>(), Is.EqualTo(new float[] { 2, 4, 12, 16 }));
        Assert.That((a / column).ToArray<float>(), Is.EqualTo(new float[] { 0.5f, 1, 0.75f, 1 }));
        Assert.That((-a).ToArray<float>(), Is.EqualTo(new float[] { -1, -2, -3, -4 }));
    }

    [Test]
    public void ScalarsWorkOnEitherSide()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.FromArray(new float[] { 1, 2, 4 });

        Assert.That((a + 1).ToArray<float>(), Is.EqualTo(new float[] { 2, 3, 5 }));
        Assert.That((1 + a).ToArray<float>(), Is.EqualTo(new float[] { 2, 3, 5 }));
        Assert.That((a - 1).ToArray<float>(), Is.EqualTo(new float[] { 0, 1, 3 }));
        Assert.That((10 - a).ToArray<float>(), Is.EqualTo(new float[] { 9, 8, 6 }));
        Assert.That((a * 3).ToArray<float>(), Is.EqualTo(new float[] { 3, 6, 12 }));
        Assert.That((3 * a).ToArray<float>(), Is.EqualTo(new float[] { 3, 6, 12 }));
        Assert.That((a / 2).ToArray<float>(), Is.EqualTo(new float[] { 0.5f, 1, 2 }));
        Assert.That((8 / a).ToArray<float>(), Is.EqualTo(new float[] { 8, 4, 2 }));
    }

    [Test]
    public void IntegerTensorsPromoteLikeLibtorch()
    {
        using var scope = Torch.NewDisposeScope();
        var i = Tensor.FromArray(new[] { 1, 2, 3 });

        Assert.That((i + 1).DType, Is.EqualTo(DType.Int32), "int tensor + integral scalar stays int");
        Assert.That((i / 2).DType, Is.EqualTo(DType.Float32), "true division promotes to float");
        Assert.That((i / 2).ToArray<float>(), Is.EqualTo(new[] { 0.5f, 1f, 1.5f }));
        Assert.That((i + Tensor.Ones([3], DType.Float64)).DType, Is.EqualTo(DType.Float64));
    }

    [Test]
    public void UnaryMath()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.FromArray(new double[] { -4, 0, 4, 9 });

        Assert.That(x.Abs().ToArray<double>(), Is.EqualTo(new double[] { 4, 0, 4, 9 }));
        Assert.That(x.Abs().Sqrt().ToArray<double>(), Is.EqualTo(new double[] { 2, 0, 2, 3 }));
        Assert.That(x.Square().ToArray<double>(), Is.EqualTo(new double[] { 16, 0, 16, 81 }));
        Assert.That(x.Sign().ToArray<double>(), Is.EqualTo(new double[] { -1, 0, 1, 1 }));
        Assert.That(x.Neg().ToArray<double>(), Is.EqualTo(new double[] { 4, 0, -4, -9 }));
        Assert.That(x.Pow(2).ToArray<double>(), Is.EqualTo(new double[] { 16, 0, 16, 81 }));
        Assert.That(x.Clamp(-1, 5).ToArray<double>(), Is.EqualTo(new double[] { -1, 0, 4, 5 }));
        Assert.That(x.Clamp(null, 1).ToArray<double>(), Is.EqualTo(new double[] { -4, 0, 1, 1 }));
        Assert.That(x.Clamp(0, null).ToArray<double>(), Is.EqualTo(new double[] { 0, 0, 4, 9 }));
        Assert.That(Tensor.FromArray(new double[] { 0 }).Exp().ToArray<double>(), Is.EqualTo(new double[] { 1 }));
        Assert.That(Tensor.FromArray(new double[] { 1, Math.E }).Log().ToArray<double>(), Is.EqualTo(new double[] { 0, 1 }).Within(1e-15));
        Assert.That(Tensor.FromArray(new double[] { 4 }).Rsqrt().ToArray<double>(), Is.EqualTo(new double[] { 0.5 }));
        Assert.That(Tensor.FromArray(new double[] { 0 }).Erfinv().ToArray<double>(), Is.EqualTo(new double[] { 0 }));
        Assert.That(Tensor.FromArray(new double[] { 4, 0.5 }).Reciprocal().ToArray<double>(), Is.EqualTo(new double[] { 0.25, 2 }));
        Assert.That(Tensor.FromArray(new double[] { -1.5, 2.5, 2.7 }).Floor().ToArray<double>(), Is.EqualTo(new double[] { -2, 2, 2 }));
        Assert.That(Tensor.FromArray(new double[] { -1.5, 2.5, 2.2 }).Ceil().ToArray<double>(), Is.EqualTo(new double[] { -1, 3, 3 }));
        Assert.That(Tensor.FromArray(new double[] { 0.5, 1.5, 2.4 }).Round().ToArray<double>(), Is.EqualTo(new double[] { 0, 2, 2 }));
    }

    [Test]
    public void PowWithTensorExponentAndMaximumMinimum()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.FromArray(new float[] { 2, 3, -1 });
        var b = Tensor.FromArray(new float[] { 3, 2, 5 });

        Assert.That(a.Pow(b).ToArray<float>(), Is.EqualTo(new float[] { 8, 9, -1 }));
        Assert.That(a.Maximum(b).ToArray<float>(), Is.EqualTo(new float[] { 3, 3, 5 }));
        Assert.That(a.Minimum(b).ToArray<float>(), Is.EqualTo(new float[] { 2, 2, -1 }));
    }

    [Test]
    public void ActivationsOnHandPickedValues()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.FromArray(new double[] { -2, 0, 3, 7 });

        Assert.That(x.Relu().ToArray<double>(), Is.EqualTo(new double[] { 0, 0, 3, 7 }));
        Assert.That(x.Relu6().ToArray<double>(), Is.EqualTo(new double[] { 0, 0, 3, 6 }));
        Assert.That(x.Sigmoid().ToArray<double>()[1], Is.EqualTo(0.5));
        Assert.That(x.Tanh().ToArray<double>()[1], Is.EqualTo(0.0));

        // softmax of (0, ln 3) is (1/4, 3/4)
        var pair = Tensor.FromArray(new double[] { 0, Math.Log(3) });
        Assert.That(pair.Softmax(0).ToArray<double>(), Is.EqualTo(new[] { 0.25, 0.75 }).Within(1e-15));
        Assert.That(pair.LogSoftmax(-1).ToArray<double>(), Is.EqualTo(new[] { Math.Log(0.25), Math.Log(0.75) }).Within(1e-15));
    }
}
