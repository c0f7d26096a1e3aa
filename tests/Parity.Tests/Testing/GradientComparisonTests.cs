using System;
using System.Linq;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Tests.Testing;

/// <summary>
/// Gradient and SGD-step comparison. The model is y = w·x + b with loss Σ y², whose gradients are
/// worked out by hand: ∂L/∂w = Σ 2·y·x, ∂L/∂b = Σ 2·y.
/// </summary>
public class GradientComparisonTests
{
    private static (Variable W, Variable B, Func<Tensor> Loss) Model(string prefix, double w, double b)
    {
        var weight = new Variable(prefix + "/w", [1], ScalarType.Float64, Initializers.Constant(w));
        var bias = new Variable(prefix + "/b", [1], ScalarType.Float64, Initializers.Constant(b));
        var input = tensor(new[] { 1.0, 2.0 });
        return (weight, bias, () => (input * weight.Value + bias.Value).square().sum());
    }

    [Test]
    public void Gradients_MatchTheHandComputedDerivatives()
    {
        // w = 2, b = 1, x = (1, 2): y = (3, 5); dL/dw = 2·3·1 + 2·5·2 = 26; dL/db = 2·3 + 2·5 = 16.
        var (w, b, loss) = Model("m", 2, 1);

        var gradients = GradientComparison.Gradients(loss, [w, b]);

        Assert.That(gradients.Select(g => g.Key), Is.EqualTo(new[] { "m/w", "m/b" }));
        Assert.That(gradients[0].Value.data<double>().ToArray(), Is.EqualTo(new[] { 26.0 }));
        Assert.That(gradients[1].Value.data<double>().ToArray(), Is.EqualTo(new[] { 16.0 }));
        Assert.That(w.Value.grad?.ToDouble() ?? 0.0, Is.Zero, "no gradient is left accumulated");
    }

    [Test]
    public void Gradients_RejectANonScalarLoss()
    {
        var (w, _, _) = Model("m", 1, 0);
        using var two = ones([2], ScalarType.Float64);

        Assert.That(
            () => GradientComparison.Gradients(() => two * w.Value, [w]),
            Throws.ArgumentException.With.Message.Contains("Gradients need a scalar loss, got shape (2,)"));
    }

    [Test]
    public void CompareGradients_MatchesByMappedName()
    {
        var (lw, lb, legacyLoss) = Model("legacy", 2, 1);
        var (mw, mb, migratedLoss) = Model("migrated", 2, 1);

        var report = GradientComparison.CompareGradients(migratedLoss, [mw, mb], legacyLoss, [lw, lb], name => name.Replace("migrated/", "legacy/"));

        Assert.That(report.IsClose, Is.True, report.Table);
        Assert.That(report.Rows.Select(r => r.Name), Is.EqualTo(new[] { "legacy/w", "legacy/b" }));
    }

    [Test]
    public void CompareGradients_NamesTheFirstVariableWhoseGradientDiffers()
    {
        // A different bias changes both gradients: b = 1.5 gives y = (3.5, 5.5), dL/dw = 29, dL/db = 18.
        var (lw, lb, legacyLoss) = Model("m", 2, 1);
        var (mw, mb, migratedLoss) = Model("m", 2, 1.5);

        var report = GradientComparison.CompareGradients(migratedLoss, [mw, mb], legacyLoss, [lw, lb]);

        Assert.That(report.FirstDivergent!.Name, Is.EqualTo("m/w"));
        Assert.That(report.Rows[0].MaxAbsolute, Is.EqualTo(3.0));
        Assert.That(report.Rows[1].MaxAbsolute, Is.EqualTo(2.0));
    }

    [Test]
    public void SgdStep_SubtractsTheLearningRateTimesTheGradient()
    {
        var (w, b, loss) = Model("m", 2, 1);

        GradientComparison.SgdStep(loss, [w, b], learningRate: 0.01);

        // 2 - 0.01·26 = 1.74; 1 - 0.01·16 = 0.84.
        Assert.That(w.Value.ToDouble(), Is.EqualTo(1.74).Within(1e-12));
        Assert.That(b.Value.ToDouble(), Is.EqualTo(0.84).Within(1e-12));
    }

    [Test]
    public void CompareSgdStep_AgreesForEqualModels()
    {
        var (lw, lb, legacyLoss) = Model("m", 2, 1);
        var (mw, mb, migratedLoss) = Model("m", 2, 1);

        Assert.That(GradientComparison.CompareSgdStep(migratedLoss, [mw, mb], legacyLoss, [lw, lb], 0.01).IsClose, Is.True);
        Assert.That(mw.Value.ToDouble(), Is.EqualTo(1.74).Within(1e-12), "the step really happened");
    }

    [Test]
    public void CompareSgdStep_ReportsHowFarTheStepsLandApart()
    {
        // b = 1 steps w to 2 - 0.01·26 = 1.74; b = 1.5 steps w to 2 - 0.01·29 = 1.71 and b to 1.5 - 0.18 = 1.32 (vs 0.84).
        var (lw, lb, legacyLoss) = Model("m", 2, 1);
        var (ow, ob, offLoss) = Model("m", 2, 1.5);

        var report = GradientComparison.CompareSgdStep(offLoss, [ow, ob], legacyLoss, [lw, lb], 0.01);

        Assert.That(report.FirstDivergent!.Name, Is.EqualTo("m/w"));
        Assert.That(report.Rows[0].MaxAbsolute, Is.EqualTo(0.03).Within(1e-12));
        Assert.That(report.Rows[1].MaxAbsolute, Is.EqualTo(0.48).Within(1e-12));
    }

    [Test]
    public void NonTrainableVariables_HaveNoGradientRow()
    {
        var frozen = new Variable("frozen", [1], ScalarType.Float64, Initializers.Constant(3), trainable: false);
        var (w, _, _) = Model("m", 2, 0);

        var gradients = GradientComparison.Gradients(() => (w.Value * frozen.Value).sum(), [w, frozen]);

        Assert.That(gradients.Select(g => g.Key), Is.EqualTo(new[] { "m/w" }));
        Assert.That(gradients[0].Value.ToDouble(), Is.EqualTo(3.0));
    }
}
