using System;
using Parity.Torch;

namespace Parity.Torch.Tests;

public sealed class ShapeTests
{
    [Test]
    public void ReshapeAndViewInferMinusOne()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.Arange(6, DType.Int64);

        Assert.That(t.Reshape(2, -1).Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(t.View(3, 2).ToArray<long>(), Is.EqualTo(new long[] { 0, 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void PermuteAndTransposeReorderElements()
    {
        using var scope = Torch.NewDisposeScope();
        // [[0 1 2] [3 4 5]]
        var t = Tensor.Arange(6, DType.Int64).Reshape(2, 3);

        Assert.That(t.Transpose(0, 1).ToArray<long>(), Is.EqualTo(new long[] { 0, 3, 1, 4, 2, 5 }));
        var cube = Tensor.Arange(8, DType.Int64).Reshape(2, 2, 2);
        var permuted = cube.Permute(2, 0, 1);
        // permuted[i, j, k] = cube[j, k, i] = 4j + 2k + i
        Assert.That(permuted.ToArray<long>(), Is.EqualTo(new long[] { 0, 2, 4, 6, 1, 3, 5, 7 }));
    }

    [Test]
    public void FlattenMergesAnInclusiveRange()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.Zeros([2, 3, 4, 5]);

        Assert.That(t.Flatten().Shape, Is.EqualTo(new long[] { 120 }));
        Assert.That(t.Flatten(1).Shape, Is.EqualTo(new long[] { 2, 60 }));
        Assert.That(t.Flatten(1, 2).Shape, Is.EqualTo(new long[] { 2, 12, 5 }));
    }

    [Test]
    public void SliceSelectSqueezeUnsqueeze()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.Arange(10, DType.Int64);

        Assert.That(t.Slice(0, 2, 8, 3).ToArray<long>(), Is.EqualTo(new long[] { 2, 5 }));
        Assert.That(t.Slice(0, -3).ToArray<long>(), Is.EqualTo(new long[] { 7, 8, 9 }));
        Assert.That(t.Slice(0, 8, 100).ToArray<long>(), Is.EqualTo(new long[] { 8, 9 }), "the end is clamped");
        var m = t.Reshape(2, 5);
        Assert.That(m.Select(0, 1).ToArray<long>(), Is.EqualTo(new long[] { 5, 6, 7, 8, 9 }));
        Assert.That(m.Select(1, -1).ToArray<long>(), Is.EqualTo(new long[] { 4, 9 }));
        var padded = Tensor.Zeros([1, 3, 1]);
        Assert.That(padded.Squeeze().Shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(padded.Squeeze(2).Shape, Is.EqualTo(new long[] { 1, 3 }));
        Assert.That(padded.Squeeze(1).Shape, Is.EqualTo(new long[] { 1, 3, 1 }), "a dimension larger than 1 stays");
        Assert.That(padded.Unsqueeze(0).Shape, Is.EqualTo(new long[] { 1, 1, 3, 1 }));
        Assert.That(padded.Unsqueeze(-1).Shape, Is.EqualTo(new long[] { 1, 3, 1, 1 }));
    }

    [Test]
    public void ViewsShareStorageWithTheirSource()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.Zeros([2, 3]);
        t.Select(0, 1).Fill(7);

        Assert.That(t.ToArray<float>(), Is.EqualTo(new float[] { 0, 0, 0, 7, 7, 7 }));
    }

    [Test]
    public void CatAndStack()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.FromArray(new float[] { 1, 2 }, [1, 2]);
        var b = Tensor.FromArray(new float[] { 3, 4 }, [1, 2]);

        Assert.That(Tensor.Cat([a, b]).ToArray<float>(), Is.EqualTo(new float[] { 1, 2, 3, 4 }));
        Assert.That(Tensor.Cat([a, b]).Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Tensor.Cat([a, b], 1).Shape, Is.EqualTo(new long[] { 1, 4 }));
        Assert.That(Tensor.Stack([a, b], 1).Shape, Is.EqualTo(new long[] { 1, 2, 2 }));
        Assert.That(Tensor.Stack([a, b], 1).ToArray<float>(), Is.EqualTo(new float[] { 1, 2, 3, 4 }));
        Assert.Throws<ArgumentException>(() => Tensor.Cat(Array.Empty<Tensor>()));
    }

    [Test]
    public void ExpandRepeatsSizeOneDimensions()
    {
        using var scope = Torch.NewDisposeScope();
        var column = Tensor.FromArray(new float[] { 1, 2 }, [2, 1]);

        Assert.That(column.Expand(2, 3).ToArray<float>(), Is.EqualTo(new float[] { 1, 1, 1, 2, 2, 2 }));
    }

    [Test]
    public void PadListsTheLastDimensionFirst()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.Ones([1, 2]);

        // last dim: 1 before, 0 after; first dim: 0 before, 1 after
        var padded = t.Pad([1, 0, 0, 1], value: -1);
        Assert.That(padded.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(padded.ToArray<float>(), Is.EqualTo(new float[] { -1, 1, 1, -1, -1, -1 }));
        Assert.Throws<ArgumentException>(() => t.Pad([1, 2, 3]));
    }

    [Test]
    public void ChannelsLastKeepsValuesAndLogicalShape()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.Arange(24).Reshape(1, 2, 3, 4);
        var last = t.ToMemoryFormat(channelsLast: true);

        Assert.That(t.IsChannelsLast, Is.False);
        Assert.That(last.IsChannelsLast, Is.True);
        Assert.That(last.IsContiguous, Is.False);
        Assert.That(last.Shape, Is.EqualTo(new long[] { 1, 2, 3, 4 }));
        Assert.That(last.ToArray<float>(), Is.EqualTo(t.ToArray<float>()));
        Assert.That(last.ToMemoryFormat(channelsLast: false).IsContiguous, Is.True);
        Assert.That(last.Contiguous().IsContiguous, Is.True);
    }

    [Test]
    public void ConvolutionGivesTheSameNumbersInChannelsLast()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(1);
        var x = Tensor.RandNormal([1, 8, 9, 9], generator: generator);
        var w = Tensor.RandNormal([4, 8, 3, 3], generator: generator);
        var plain = x.Conv2d(w, padding: (1, 1, 1, 1)).ToArray<float>();
        var last = x.ToMemoryFormat(true).Conv2d(w.ToMemoryFormat(true), padding: (1, 1, 1, 1)).ToArray<float>();

        Assert.That(last, Is.EqualTo(plain).Within(1e-4));
    }
}
