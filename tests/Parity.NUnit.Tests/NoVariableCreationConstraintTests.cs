using System;
using static TorchSharp.torch;

namespace Parity.NUnit.Tests;

/// <summary>Creates.NoVariables: passes for code that only reuses, lists what was created otherwise.</summary>
public class NoVariableCreationConstraintTests
{
    [Test]
    public void CodeThatReusesVariables_Passes()
    {
        var weight = new Variable("w", [2], ScalarType.Float32, Initializers.Ones());

        Assert.That(() => weight.Value * 2, Creates.NoVariables);
        Assert.That(() => { using var doubled = weight.Value * 2; }, Creates.NoVariables);
    }

    [Test]
    public void CodeThatCreatesVariables_FailsListingEachOne()
    {
        TestDelegate code = () =>
        {
            _ = new Variable("dense/kernel", [3, 4], ScalarType.Float32, Initializers.Zeros());
            _ = new Variable("dense/bias", [4], ScalarType.Float32, Initializers.Zeros());
        };

        var result = Creates.NoVariables.ApplyTo(code);

        Assert.That(result.IsSuccess, Is.False);
        var message = MessageOf.Result(result);
        Assert.That(message, Does.StartWith("Expected code that creates no variables, but it created 2:"));
        Assert.That(message, Does.Contain("'dense/kernel' shape=(3, 4) dtype=float32 trainable=true"));
        Assert.That(message, Does.Contain("'dense/bias' shape=(4,) dtype=float32 trainable=true"));
    }

    [Test]
    public void AValueReturningDelegate_RunsUnderTheConstraint()
    {
        var result = Creates.NoVariables.ApplyTo(() => new Variable("made", [1], ScalarType.Float32, Initializers.Zeros()));

        Assert.That(result.IsSuccess, Is.False);
    }

    [Test]
    public void ANonDelegate_IsRejectedWithWhatToPass()
    {
        Assert.That(() => Creates.NoVariables.ApplyTo(42), Throws.ArgumentException.With.Message.Contains("() => model.Call(x)"));
    }
}
