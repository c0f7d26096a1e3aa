using System;
using static TorchSharp.torch;
using Is = Parity.NUnit.Is;

namespace Parity.NUnit.Tests;

/// <summary>Is.AllClose(expected).Within(rtol, atol): outcome and the message NUnit shows.</summary>
public class AllCloseConstraintTests
{
    [Test]
    public void CloseTensors_PassInAnOrdinaryAssertion()
    {
        using var expected = tensor(new[] { 1.0f, 2.0f });
        using var actual = tensor(new[] { 1.000001f, 2.0f });

        Assert.That(actual, Is.AllClose(expected));
        Assert.That(actual, Is.Not.Null, "NUnit's own Is stays available through the derived class");
    }

    [Test]
    public void AFailure_ShowsTheFullMismatchReport()
    {
        using var expected = tensor(new[] { 1.0, 2.0, 3.0 });
        using var actual = tensor(new[] { 1.0, 2.5, 3.0 });

        var result = Is.AllClose(expected).ApplyTo(actual);

        Assert.That(result.IsSuccess, Is.False);
        var message = MessageOf.Result(result);
        Assert.That(message, Does.Contain("Mismatched elements: 1 of 3 (33.3%)."));
        Assert.That(message, Does.Contain("Greatest absolute difference: 0.5 at index (1,)"));
        Assert.That(message, Does.Contain("(1,): 2.5 vs 2"));
    }

    [Test]
    public void AFailingAssertThat_PutsTheReportInTheAssertionMessage()
    {
        using var expected = tensor(new[] { 1.0, 2.0, 3.0 });
        using var actual = tensor(new[] { 1.0, 2.5, 3.0 });

        var error = Assert.Throws<AssertionException>(() => Assert.That(actual, Is.AllClose(expected)));

        Assert.That(error!.Message, Does.Contain("Mismatched elements: 1 of 3 (33.3%)."));
        Assert.That(error.Message, Does.Contain("(1,): 2.5 vs 2"));
    }

    [Test]
    public void Within_ReplacesTheDefaultTolerance()
    {
        using var expected = tensor(new[] { 100.0 });
        using var actual = tensor(new[] { 101.0 });

        Assert.That(Is.AllClose(expected).ApplyTo(actual).IsSuccess, Is.False);
        Assert.That(Is.AllClose(expected).Within(0.01, 0).ApplyTo(actual).IsSuccess, Is.True);
        Assert.That(Is.AllClose(expected).Within(0.001, 0.5).ApplyTo(actual).IsSuccess, Is.False, "0.5 + 0.001 * 100 = 0.6 < 1");
    }

    [Test]
    public void WithEqualNan_TreatsMatchingNaNsAsEqual()
    {
        using var expected = tensor(new[] { double.NaN, 1.0 });
        using var actual = tensor(new[] { double.NaN, 1.0 });

        Assert.That(Is.AllClose(expected).ApplyTo(actual).IsSuccess, Is.False);
        Assert.That(actual, Is.AllClose(expected).WithEqualNan);
    }

    [Test]
    public void AVariable_IsComparedByItsValue()
    {
        var variable = new Variable("w", [2], ScalarType.Float32, Initializers.Ones());
        using var twoOnes = ones(2);

        Assert.That(variable, Is.AllClose(twoOnes));
    }

    [Test]
    public void AShapeMismatch_SaysSoInTheMessage()
    {
        using var expected = zeros(2, 2);
        using var actual = zeros(4);

        var message = MessageOf.Result(Is.AllClose(expected).ApplyTo(actual));

        Assert.That(message, Does.Contain("Tensor shapes differ: actual (4,), expected (2, 2)."));
    }

    [Test]
    public void ANonTensorActual_IsRejectedWithWhatToPass()
    {
        using var expected = zeros(1);

        Assert.That(
            () => Is.AllClose(expected).ApplyTo(new[] { 0.0 }),
            Throws.ArgumentException.With.Message.Contains("Pass a Tensor or a Variable").And.Message.Contains("Double[]"));
    }

    [Test]
    public void TheDescription_NamesTheExpectedTensorAndTolerance()
    {
        using var expected = zeros(2, 3);

        Assert.That(Is.AllClose(expected).Within(0.1, 0.2).Description, Is.EqualTo("a tensor close to the expected (2, 3) float32 tensor (rtol=0.1, atol=0.2)"));
    }
}
