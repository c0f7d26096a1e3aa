using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Tests.Variables;

public class VariableTests
{
    [Test]
    public void AnExplicitVariable_HasItsNameShapeDtypeAndInitialValue()
    {
        var variable = new Variable("block/w", [2, 3], ScalarType.Float32, Initializers.Constant(0.5));

        Assert.That(variable.Name, Is.EqualTo("block/w"));
        Assert.That(variable.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(variable.DType, Is.EqualTo(ScalarType.Float32));
        Assert.That(variable.Trainable, Is.True);
        Assert.That(variable.Value.data<float>().ToArray(), Is.All.EqualTo(0.5f));
    }

    [Test]
    public void ToString_ShowsNameShapeDtypeAndTrainability()
    {
        var trainable = new Variable("dense/kernel", [3, 4], initializer: Initializers.Zeros());
        var frozen = new Variable("bn/moving_mean", [4], ScalarType.Float64, Initializers.Zeros(), trainable: false);

        Assert.That(trainable.ToString(), Is.EqualTo("Variable 'dense/kernel' shape=(3, 4) dtype=float32 trainable"));
        Assert.That(frozen.ToString(), Is.EqualTo("Variable 'bn/moving_mean' shape=(4,) dtype=float64 non-trainable"));
    }

    [Test]
    public void AVariableFromATensor_CopiesIt()
    {
        using var source = tensor(new float[] { 1, 2, 3 });
        var variable = new Variable("v", source);

        source.fill_(9);

        Assert.That(variable.Value.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 2, 3 }));
        Assert.That(variable.Shape, Is.EqualTo(new long[] { 3 }));
    }

    [Test]
    public void Assign_OverwritesTheValueInPlace()
    {
        var variable = new Variable("v", [2], initializer: Initializers.Ones());
        var tensorBefore = variable.Value;
        using var update = tensor(new float[] { 4, 5 });

        variable.Assign(update);

        Assert.That(variable.Value.data<float>().ToArray(), Is.EqualTo(new float[] { 4, 5 }));
        Assert.That(variable.Value, Is.SameAs(tensorBefore));
    }

    [Test]
    public void Assign_WithAnotherShape_SaysBothShapes()
    {
        var variable = new Variable("v", [2], initializer: Initializers.Ones());
        using var update = zeros(3);

        Assert.That(
            () => variable.Assign(update),
            Throws.ArgumentException.With.Message.Contains("Cannot assign a value of shape (3,) to variable v of shape (2,)"));
    }

    [Test]
    public void AnEmptyName_IsRejected()
    {
        Assert.That(() => new Variable("", [1]), Throws.ArgumentException.With.Message.Contains("non-empty name"));
    }

    [Test]
    public void ARegularizedVariable_ReportsItsLossFromTheCurrentValue()
    {
        var variable = new Variable("w", [2], initializer: Initializers.Constant(3), regularizer: Regularizers.KerasL2(0.5));
        var plain = new Variable("b", [2], initializer: Initializers.Zeros());

        // 0.5 * (3² + 3²) = 9
        Assert.That(variable.RegularizationLoss()!.ToDouble(), Is.EqualTo(9.0).Within(1e-6));
        Assert.That(plain.RegularizationLoss(), Is.Null);
    }

    [Test]
    public void TrainableFloatVariables_RecordGradients_OthersDoNot()
    {
        var trainable = new Variable("w", [2], initializer: Initializers.Ones());
        var frozen = new Variable("m", [2], initializer: Initializers.Ones(), trainable: false);

        Assert.That(trainable.Value.requires_grad, Is.True);
        Assert.That(trainable.Value, Is.InstanceOf<Parameter>(), "the tensor a module registers and an optimizer updates");
        Assert.That(frozen.Value.requires_grad, Is.False);
        Assert.That(frozen.Value, Is.Not.InstanceOf<Parameter>(), "registered as a buffer");
    }

    [Test]
    public void AVariableCreatedInsideADisposeScope_OutlivesIt()
    {
        Variable variable;
        using (NewDisposeScope())
        {
            variable = new Variable("w", [2], initializer: Initializers.Ones());
        }

        Assert.That(variable.Value.IsInvalid, Is.False);
        Assert.That(variable.Value.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 1 }));
    }
}
