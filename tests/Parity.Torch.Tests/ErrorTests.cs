using System;
using Parity.Torch;

namespace Parity.Torch.Tests;

/// <summary>Native failures become managed exceptions carrying libtorch's message, and the process carries on.</summary>
public sealed class ErrorTests
{
    [TearDown]
    public void TheProcessStillComputes()
    {
        using var scope = Torch.NewDisposeScope();
        Assert.That((Tensor.Ones([2]) + 1).Sum().Item<float>(), Is.EqualTo(4f));
    }

    [Test]
    public void MatMulShapeMismatch()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([4, 5])));

        Assert.That(error!.Message, Does.Contain("cannot be multiplied"));
        Assert.That(error.Message, Does.Not.Contain("frame #"), "the C++ backtrace is stripped");
    }

    [Test]
    public void ConvolutionWithTheWrongChannelCount()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => Tensor.Zeros([1, 3, 8, 8]).Conv2d(Tensor.Zeros([4, 5, 3, 3])));

        Assert.That(error!.Message, Does.Contain("expected input[1, 3, 8, 8] to have 5 channels"));
    }

    [Test]
    public void ConvolutionOfANonImageSaysWhatItExpects()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros([3, 4]).Conv2d(Tensor.Zeros([1, 1, 1, 1])));

        Assert.That(error!.Message, Does.Contain("conv2d expects a 4-D NCHW input, got shape [3, 4]"));
    }

    [Test]
    public void IndexOutOfRange()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => Tensor.Zeros([2, 3]).Select(1, 5));

        Assert.That(error!.Message, Does.Contain("out of range"));
    }

    [Test]
    public void DtypeMismatch()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => Tensor.Zeros([2, 2]).MatMul(Tensor.Zeros([2, 2], DType.Float64)));

        Assert.That(error!.Message, Does.Contain("Double").And.Contain("Float"));
    }

    [Test]
    public void IntegerTensorsCannotRequireGradients()
    {
        using var t = Tensor.Zeros([2], DType.Int64);
        var error = Assert.Throws<TorchException>(() => t.RequiresGrad = true);

        Assert.That(error!.Message, Does.Contain("floating point"));
    }

    [Test]
    public void BackwardOnANonScalarNeedsAGradient()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Ones([2]);
        x.RequiresGrad = true;

        var error = Assert.Throws<TorchException>(() => (x * 2).Backward());
        Assert.That(error!.Message, Does.Contain("scalar outputs"));
    }

    [Test]
    public void ViewOfIncompatibleLayout()
    {
        using var scope = Torch.NewDisposeScope();
        var transposed = Tensor.Zeros([2, 3]).Transpose(0, 1);

        Assert.Throws<TorchException>(() => transposed.View(6));
        Assert.That(transposed.Reshape(6).Shape, Is.EqualTo(new long[] { 6 }), "reshape copies instead");
    }

    [Test]
    public void UseAfterDisposeIsObjectDisposedForEveryKindOfCall()
    {
        var t = Tensor.Ones([2]);
        using var other = Tensor.Ones([2]);
        t.Dispose();

        Assert.Throws<ObjectDisposedException>(() => t.Sum());
        Assert.Throws<ObjectDisposedException>(() => _ = other + t);
        Assert.Throws<ObjectDisposedException>(() => _ = t.Shape);
        Assert.Throws<ObjectDisposedException>(() => t.ToArray<float>());
        Assert.Throws<ObjectDisposedException>(() => other.CopyFrom(t));
        var error = Assert.Throws<ObjectDisposedException>(() => t.Fill(1));
        Assert.That(error!.Message, Does.Contain("MoveToOuterDisposeScope"));
    }

    [Test]
    public void DisposedGeneratorIsObjectDisposed()
    {
        var generator = new Generator(1);
        generator.Dispose();

        Assert.Throws<ObjectDisposedException>(() => Tensor.RandUniform([1], generator: generator));
    }

    [Test]
    public void ErrorsOnAnotherThreadAreReportedOnThatThread()
    {
        string? fromThread = null;
        var thread = new System.Threading.Thread(() =>
        {
            using var a = Tensor.Zeros([2, 3]);
            using var b = Tensor.Zeros([4, 5]);
            try
            {
                a.MatMul(b).Dispose();
            }
            catch (TorchException e)
            {
                fromThread = e.Message;
            }
        });
        thread.Start();
        thread.Join();

        using var scope = Torch.NewDisposeScope();
        var here = Assert.Throws<TorchException>(() => Tensor.Zeros([1, 3, 8, 8]).Conv2d(Tensor.Zeros([4, 5, 3, 3])));
        Assert.That(fromThread, Does.Contain("cannot be multiplied"));
        Assert.That(here!.Message, Does.Contain("channels"));
    }
}
