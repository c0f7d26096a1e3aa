using Parity.Torch;

namespace Parity.Torch.Tests;

public sealed class ComparisonTests
{
    [Test]
    public void ComparisonsReturnBoolTensors()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.FromArray(new float[] { 1, 2, 3 });
        var b = Tensor.FromArray(new float[] { 3, 2, 1 });

        Assert.That(a.Eq(b).DType, Is.EqualTo(DType.Bool));
        Assert.That(a.Eq(b).ToArray<bool>(), Is.EqualTo(new[] { false, true, false }));
        Assert.That(a.Ne(b).ToArray<bool>(), Is.EqualTo(new[] { true, false, true }));
        Assert.That(a.Gt(b).ToArray<bool>(), Is.EqualTo(new[] { false, false, true }));
        Assert.That(a.Ge(b).ToArray<bool>(), Is.EqualTo(new[] { false, true, true }));
        Assert.That(a.Lt(b).ToArray<bool>(), Is.EqualTo(new[] { true, false, false }));
        Assert.That(a.Le(b).ToArray<bool>(), Is.EqualTo(new[] { true, true, false }));
        Assert.That(a.Gt(1.5).ToArray<bool>(), Is.EqualTo(new[] { false, true, true }));
        Assert.That(a.Eq(2).ToArray<bool>(), Is.EqualTo(new[] { false, true, false }));
        Assert.That(a.Le(2).ToArray<bool>(), Is.EqualTo(new[] { true, true, false }));
    }

    [Test]
    public void NanAndInfinityChecks()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.FromArray(new[] { 1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity });

        Assert.That(x.IsNan().ToArray<bool>(), Is.EqualTo(new[] { false, true, false, false }));
        Assert.That(x.IsFinite().ToArray<bool>(), Is.EqualTo(new[] { true, false, false, false }));
        Assert.That(x.Eq(x).ToArray<bool>(), Is.EqualTo(new[] { true, false, true, true }), "NaN is not equal to itself");
    }

    [Test]
    public void LogicOnTruthValues()
    {
        using var scope = Torch.NewDisposeScope();
        var p = Tensor.FromArray(new[] { true, true, false, false });
        var q = Tensor.FromArray(new[] { true, false, true, false });

        Assert.That(p.LogicalAnd(q).ToArray<bool>(), Is.EqualTo(new[] { true, false, false, false }));
        Assert.That(p.LogicalOr(q).ToArray<bool>(), Is.EqualTo(new[] { true, true, true, false }));
        Assert.That(p.LogicalNot().ToArray<bool>(), Is.EqualTo(new[] { false, false, true, true }));
        Assert.That(Tensor.FromArray(new float[] { 0, 2 }).LogicalNot().ToArray<bool>(), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void WherePicksByConditionWithBroadcasting()
    {
        using var scope = Torch.NewDisposeScope();
        var condition = Tensor.FromArray(new[] { true, false, true });
        var a = Tensor.FromArray(new float[] { 1, 2, 3 });
        var zero = Tensor.Zeros([1]);

        Assert.That(Tensor.Where(condition, a, zero).ToArray<float>(), Is.EqualTo(new float[] { 1, 0, 3 }));
    }
}
