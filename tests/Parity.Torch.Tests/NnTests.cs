using System;
using Parity.Torch;

namespace Parity.Torch.Tests;

/// <summary>Small hand-computed cases of the NN ops (PyTorch comparisons are in NnGoldenTests).</summary>
public sealed class NnTests
{
    [Test]
    public void Conv2dWithAllOnesKernelSumsWindows()
    {
        using var scope = Torch.NewDisposeScope();
        // 3x3 input 1..9, 2x2 ones kernel, bias 10: window sums 12, 16, 24, 28
        var x = Tensor.Arange(1, 10).Reshape(1, 1, 3, 3);
        var w = Tensor.Ones([1, 1, 2, 2]);
        var b = Tensor.FromArray(new float[] { 10 });

        Assert.That(x.Conv2d(w, b).ToArray<float>(), Is.EqualTo(new float[] { 22, 26, 34, 38 }));
    }

    [Test]
    public void Conv2dAsymmetricPaddingAddsZerosOnlyWhereAsked()
    {
        using var scope = Torch.NewDisposeScope();
        // 1x1 kernel of 1 copies the input; padding bottom 1 and right 2 around a 1x1 input of 5
        var x = Tensor.Full([1, 1, 1, 1], 5);
        var w = Tensor.Ones([1, 1, 1, 1]);
        var y = x.Conv2d(w, padding: (0, 1, 0, 2));

        Assert.That(y.Shape, Is.EqualTo(new long[] { 1, 1, 2, 3 }));
        Assert.That(y.ToArray<float>(), Is.EqualTo(new float[] { 5, 0, 0, 0, 0, 0 }));
    }

    [Test]
    public void MaxPoolNeverPicksPaddingEvenForNegativeInputs()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Full([1, 1, 2, 2], -3);

        var y = x.MaxPool2d((2, 2), (1, 1), (1, 1, 1, 1));
        Assert.That(y.ToArray<float>(), Is.All.EqualTo(-3f));
        var asymmetric = x.MaxPool2d((2, 2), (1, 1), (0, 1, 0, 1));
        Assert.That(asymmetric.Shape, Is.EqualTo(new long[] { 1, 1, 2, 2 }));
        Assert.That(asymmetric.ToArray<float>(), Is.All.EqualTo(-3f));
    }

    [Test]
    public void AvgPoolCountsPaddingOnlyWhenAsked()
    {
        using var scope = Torch.NewDisposeScope();
        // a 1x1 input of 4 padded by 1 on every side, 3x3 window: 4/9 counting padding, 4 otherwise
        var x = Tensor.Full([1, 1, 1, 1], 4);

        Assert.That(x.AvgPool2d((3, 3), (1, 1), (1, 1, 1, 1), countIncludePad: true).Item<float>(), Is.EqualTo(4f / 9).Within(1e-6));
        Assert.That(x.AvgPool2d((3, 3), (1, 1), (1, 1, 1, 1), countIncludePad: false).Item<float>(), Is.EqualTo(4f));
        // asymmetric (bottom and right only): 2x2 window over one real cell
        Assert.That(x.AvgPool2d((2, 2), (1, 1), (0, 1, 0, 1), countIncludePad: false).Item<float>(), Is.EqualTo(4f));
        Assert.That(x.AvgPool2d((2, 2), (1, 1), (0, 1, 0, 1), countIncludePad: true).Item<float>(), Is.EqualTo(1f));
    }

    [Test]
    public void PoolingAcceptsThreeDimensionalInput()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Arange(1, 5).Reshape(1, 2, 2);

        Assert.That(x.MaxPool2d((2, 2)).ToArray<float>(), Is.EqualTo(new float[] { 4 }));
        Assert.That(x.AvgPool2d((2, 2), padding: (0, 1, 0, 1), countIncludePad: false).ToArray<float>(), Is.EqualTo(new float[] { 2.5f }));
    }

    [Test]
    public void BatchNormInferenceUsesRunningStatistics()
    {
        using var scope = Torch.NewDisposeScope();
        // channel 0: mean 1, var 4, gamma 2, beta 1: (x - 1) / 2 * 2 + 1 = x
        var x = Tensor.FromArray(new float[] { 3, 5 }, [1, 1, 2]);
        var y = x.BatchNorm(Tensor.Full([1], 2), Tensor.Full([1], 1), Tensor.Full([1], 1), Tensor.Full([1], 4), training: false, eps: 0);

        Assert.That(y.ToArray<float>(), Is.EqualTo(new float[] { 3, 5 }));
    }

    [Test]
    public void BatchNormTrainingNormalizesAndUpdatesRunningStatistics()
    {
        using var scope = Torch.NewDisposeScope();
        // batch values 1 and 3: mean 2, biased var 1 (normalizes to -1, 1), unbiased var 2
        var x = Tensor.FromArray(new double[] { 1, 3 }, [2, 1]);
        var mean = Tensor.Zeros([1], DType.Float64);
        var variance = Tensor.Ones([1], DType.Float64);
        var y = x.BatchNorm(null, null, mean, variance, training: true, momentum: 0.5, eps: 0);

        Assert.That(y.ToArray<double>(), Is.EqualTo(new double[] { -1, 1 }));
        Assert.That(mean.ToArray<double>(), Is.EqualTo(new double[] { 1 }), "0.5 * 0 + 0.5 * 2");
        Assert.That(variance.ToArray<double>(), Is.EqualTo(new double[] { 1.5 }), "0.5 * 1 + 0.5 * 2");
    }

    [Test]
    public void BatchNormInferenceWithoutRunningStatisticsSaysWhatToPass()
    {
        using var x = Tensor.Ones([1, 1, 2]);

        var error = Assert.Throws<ArgumentException>(() => x.BatchNorm(null, null, null, null, training: false));
        Assert.That(error!.Message, Does.Contain("pass runningMean and runningVar"));
    }
}
