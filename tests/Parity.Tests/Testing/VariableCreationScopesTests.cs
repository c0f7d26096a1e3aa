using System;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Tests.Testing;

/// <summary>The two variable-creation scopes: throw at the creating line, or list everything at the end.</summary>
public class VariableCreationScopesTests
{
    [Test]
    public void AssertNoVariableCreations_ThrowsAtTheCreatingLine_ListingTheArguments()
    {
        var reachedNextLine = false;
        var error = Assert.Throws<VariableCreationException>(() =>
        {
            using (VariableCreationScopes.AssertNoVariableCreations())
            {
                _ = new Variable("block/kernel", [3, 4], ScalarType.Float32, Initializers.Zeros(), trainable: false);
                reachedNextLine = true;
            }
        });

        Assert.That(reachedNextLine, Is.False);
        Assert.That(error!.Message, Does.Contain("'block/kernel' shape=(3, 4) dtype=float32 trainable=false"));
        Assert.That(error.Created, Has.Count.EqualTo(1));
        Assert.That(error.Created[0].Name, Is.EqualTo("block/kernel"));
    }

    [Test]
    public void AssertNoVariableCreations_AllowsCodeThatCreatesNothing_AndEndsWithTheScope()
    {
        using (VariableCreationScopes.AssertNoVariableCreations())
        {
            using var x = ones(2);
            using var y = x * 2;
        }

        Assert.DoesNotThrow(() => _ = new Variable("after", [1], ScalarType.Float32, Initializers.Zeros()));
    }

    [Test]
    public void CatchAndRaiseCreatedVariables_LetsCreationRun_ThenListsEveryVariableAtTheEnd()
    {
        Variable? first = null;
        var scope = VariableCreationScopes.CatchAndRaiseCreatedVariables();
        first = new Variable("dense/kernel", [2, 3], ScalarType.Float32, Initializers.Ones());
        _ = new Variable("dense/bias", [3], ScalarType.Float64, Initializers.Zeros());

        var error = Assert.Throws<VariableCreationException>(scope.Dispose);

        Assert.That(first.Value.sum().ToDouble(), Is.EqualTo(6.0), "the variable was really created");
        Assert.That(error!.Message, Does.StartWith("2 variable(s) were created inside a CatchAndRaiseCreatedVariables scope:"));
        Assert.That(error.Message, Does.Contain("'dense/kernel' shape=(2, 3) dtype=float32 trainable=true"));
        Assert.That(error.Message, Does.Contain("'dense/bias' shape=(3,) dtype=float64 trainable=true"));
        Assert.That(error.Created, Has.Count.EqualTo(2));
    }

    [Test]
    public void CatchAndRaiseCreatedVariables_IsSilentWhenNothingWasCreated()
    {
        var scope = VariableCreationScopes.CatchAndRaiseCreatedVariables();

        Assert.DoesNotThrow(scope.Dispose);
        Assert.DoesNotThrow(scope.Dispose, "disposing twice is harmless");
    }
}
