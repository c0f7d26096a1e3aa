using Parity.Torch;
using Parity.Torch.Tests.Fixtures;

namespace Parity.Torch.Tests;

public sealed class AutogradTests
{
    [Test]
    public void GradientOfSumOfSquaresIsTwiceTheInput()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.FromArray(new float[] { 1, -2, 3 });
        x.RequiresGrad = true;
        x.Square().Sum().Backward();

        Assert.That(x.Grad!.ToArray<float>(), Is.EqualTo(new float[] { 2, -4, 6 }));
    }

    [Test]
    public void GradientsAccumulateUntilZeroed()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.FromArray(new float[] { 1, 2 });
        x.RequiresGrad = true;
        Assert.That(x.Grad, Is.Null, "no gradient before the first backward pass");

        (x * 3).Sum().Backward();
        (x * 3).Sum().Backward();
        Assert.That(x.Grad!.ToArray<float>(), Is.EqualTo(new float[] { 6, 6 }));

        x.ZeroGrad();
        Assert.That(x.Grad!.ToArray<float>(), Is.EqualTo(new float[] { 0, 0 }));
    }

    [Test]
    public void BackwardWithExplicitGradientWeightsTheOutputs()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.FromArray(new float[] { 1, 2, 3 });
        x.RequiresGrad = true;
        var y = x * x;
        y.Backward(Tensor.FromArray(new float[] { 1, 0, -1 }));

        // d/dx of sum(g * x^2) = 2 g x
        Assert.That(x.Grad!.ToArray<float>(), Is.EqualTo(new float[] { 2, 0, -6 }));
    }

    [Test]
    public void NoGradStopsRecordingAndRestoresAfterwards()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Ones([2]);
        x.RequiresGrad = true;
        Tensor inside;
        using (Torch.NoGrad())
        {
            Assert.That(Torch.IsGradEnabled, Is.False);
            inside = x * 2;
        }

        Assert.That(Torch.IsGradEnabled, Is.True);
        Assert.That(inside.RequiresGrad, Is.False);
        Assert.That((x * 2).RequiresGrad, Is.True);
    }

    [Test]
    public void DetachCutsTheGraph()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Ones([2]);
        x.RequiresGrad = true;
        var y = (x * 2).Detach();

        Assert.That(y.RequiresGrad, Is.False);
        Assert.That(y.IsLeaf, Is.True);
        Assert.That((x * 2).IsLeaf, Is.False);
    }

    [Test]
    public void ConvolutionGradientsMatchPyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([1, 2, 5, 5], 0.3);
        var w = Wave.Of([3, 2, 3, 3], 1.1, 0.5);
        x.RequiresGrad = true;
        w.RequiresGrad = true;
        x.Conv2d(w, padding: (1, 1, 1, 1)).Relu().Pow(2).Sum().Backward();

        Golden.AssertMatches("grad_conv_input", x.Grad!);
        Golden.AssertMatches("grad_conv_weight", w.Grad!);
    }

    [Test]
    public void LogSoftmaxGradientMatchesPyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var z = Wave.Of([3, 4], 0.8, 2.0);
        z.RequiresGrad = true;
        z.LogSoftmax(1).Select(1, 0).Sum().Backward();

        Golden.AssertMatches("grad_log_softmax", z.Grad!);
    }
}
