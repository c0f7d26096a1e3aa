using System;
using System.Collections.Generic;
using System.Linq;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Tests.Testing;

/// <summary>
/// Step 3's fillings and the blind-spot report: a constant filling cannot tell a transposed kernel
/// from the right one, distinct per-name values can, and the report names the variables a
/// comparison cannot see.
/// </summary>
public class StepThreeFillingTests
{
    private static Variable V(string name, params long[] shape) => new(name, shape, ScalarType.Float32, Initializers.Constant(0));

    private static float[] Values(Variable variable) => variable.Value.data<float>().ToArray();

    [Test]
    public void DistinctValues_DependOnTheName_NotOnTheOrderVariablesAreFilled()
    {
        var a = new[] { V("net/a/kernel", 3, 4), V("net/b/kernel", 3, 4) };
        var b = new[] { V("net/b/kernel", 3, 4), V("net/a/kernel", 3, 4) };

        VariableFill.Distinct(a);
        VariableFill.Distinct(b.Reverse());

        Assert.That(Values(a[0]), Is.EqualTo(Values(b[1])), "same name, same values");
        Assert.That(Values(a[0]), Is.Not.EqualTo(Values(a[1])), "another name, other values");
        Assert.That(Values(a[0]).Distinct().Count(), Is.EqualTo(12), "every element its own value");
    }

    [Test]
    public void DistinctValues_FollowTheVariablesRole()
    {
        var kernel = V("net/conv/weights", 3, 3, 8, 16);
        var gamma = V("net/conv/BatchNorm/gamma", 16);
        var variance = V("net/conv/BatchNorm/moving_variance", 16);
        var beta = V("net/conv/BatchNorm/beta", 16);
        var step = new Variable("global_step", [], ScalarType.Int64, Initializers.Constant(7));

        VariableFill.Distinct([kernel, gamma, variance, beta, step]);

        var bound = System.Math.Sqrt(6.0 / (3 * 3 * 8));
        Assert.Multiple(() =>
        {
            Assert.That(Values(kernel), Has.All.InRange(-bound, bound));
            Assert.That(Values(kernel).Max() - Values(kernel).Min(), Is.GreaterThan(bound), "spread over the range");
            Assert.That(Values(gamma), Has.All.InRange(0.5, 1.5));
            Assert.That(Values(variance), Has.All.InRange(0.5, 1.5), "a variance stays positive");
            Assert.That(Values(beta), Has.All.InRange(-0.1, 0.1));
            Assert.That(step.Value.item<long>(), Is.EqualTo(7), "integer variables are left alone");
        });
    }

    [Test]
    public void ATransposedKernel_PassesTheConstantFilling_AndFailsTheDistinctOne()
    {
        var right = V("dense/kernel", 3, 3);
        var ported = V("dense/kernel", 3, 3);
        var input = tensor(new float[] { 1, 2, 3 }).reshape(1, 3);
        Tensor Legacy() => input.matmul(right.Value);
        Tensor WrongPort() => input.matmul(ported.Value.t());

        VariableFill.Constant([right, ported]);
        var constantAgrees = TensorAssert.Compare(WrongPort(), Legacy()).IsClose;
        VariableFill.Distinct([right, ported]);
        var distinctAgrees = TensorAssert.Compare(WrongPort(), Legacy()).IsClose;

        Assert.That((constantAgrees, distinctAgrees), Is.EqualTo((true, false)));
    }

    [Test]
    public void BlindSpots_NameTheVariablesNoOutputNotices_AndRestoreEveryValue()
    {
        var seen = V("net/seen", 2);
        var absorbed = V("net/absorbed", 2);
        var tiny = V("net/tiny", 2);
        VariableFill.Distinct([seen, absorbed, tiny]);
        var before = new[] { seen, absorbed, tiny }.Select(Values).ToArray();
        var input = tensor(new float[] { 1, -2 });

        // absorbed feeds a relu that is always off; tiny's contribution is far under the tolerance.
        IEnumerable<KeyValuePair<string, Tensor>> Outputs() =>
        [
            new("out", (input * seen.Value).sum() + (absorbed.Value.abs() * -1 - 1).relu().sum() + (tiny.Value * 1e-9).sum()),
        ];

        var report = BlindSpots.Find([seen, absorbed, tiny], Outputs, rtol: 1e-6, atol: 1e-5);

        Assert.Multiple(() =>
        {
            Assert.That(report.Detected, Is.EqualTo(new[] { "net/seen" }));
            Assert.That(report.Undetected, Is.EqualTo(new[] { "net/absorbed", "net/tiny" }));
            Assert.That(report.CoveredFraction, Is.EqualTo(1.0 / 3).Within(1e-12));
            Assert.That(new[] { seen, absorbed, tiny }.Select(Values), Is.EqualTo(before), "every variable restored bit for bit");
        });
    }

    [Test]
    public void BlindSpots_WithNoVariables_SayToCallTheModuleFirst()
    {
        var error = Assert.Throws<ArgumentException>(() => BlindSpots.Find([], () => [], rtol: 1e-6, atol: 1e-5));

        Assert.That(error!.Message, Does.Contain("call it once"));
    }
}
