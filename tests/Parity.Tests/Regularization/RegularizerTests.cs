using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Tests.Regularization;

/// <summary>w = [1, -2, 3]: Σw² = 14, Σ|w| = 6.</summary>
public class RegularizerTests
{
    private static double LossOf(Regularizer regularizer)
    {
        using var weights = tensor(new float[] { 1, -2, 3 });
        using var loss = regularizer.Loss(weights);
        return loss.ToDouble();
    }

    [Test]
    public void KerasL2_IsScaleTimesSumOfSquares() => Assert.That(LossOf(Regularizers.KerasL2(0.1)), Is.EqualTo(1.4).Within(1e-6));

    [Test]
    public void KerasL2_DefaultsToScale001() => Assert.That(LossOf(Regularizers.KerasL2()), Is.EqualTo(0.14).Within(1e-6));

    [Test]
    public void SlimL2_IsHalfOfKerasL2() => Assert.That(LossOf(Regularizers.SlimL2(0.1)), Is.EqualTo(0.7).Within(1e-6));

    [Test]
    public void L1_IsScaleTimesSumOfAbsoluteValues() => Assert.That(LossOf(Regularizers.L1(0.1)), Is.EqualTo(0.6).Within(1e-6));

    [Test]
    public void L1L2_AddsBothTerms() => Assert.That(LossOf(Regularizers.L1L2(0.1, 0.2)), Is.EqualTo(0.6 + 2.8).Within(1e-6));

    [Test]
    public void ANegativeScale_IsRejected() =>
        Assert.That(() => Regularizers.SlimL2(-1), Throws.InstanceOf<System.ArgumentOutOfRangeException>().With.Message.Contains("not negative"));

    [Test]
    public void Names_SayWhichConvention()
    {
        Assert.That(Regularizers.KerasL2(0.5).ToString(), Is.EqualTo("keras_l2(0.5)"));
        Assert.That(Regularizers.SlimL2(0.5).ToString(), Is.EqualTo("slim_l2(0.5)"));
    }
}
