using System;
using Parity.Torch;
using Is = Parity.NUnit.Is;

namespace Parity.NUnit.Tests;

/// <summary>Is.AllClose(expected).Within(rtol, atol): outcome and the message NUnit shows.</summary>
public class AllCloseConstraintTests
{
    [Test]
    public void CloseTensors_PassInAnOrdinaryAssertion()
    {
        using var expected = Tensor.FromArray(new[] { 1.0f, 2.0f }, [2]);
        using var actual = Tensor.FromArray(new[] { 1.000001f, 2.0f }, [2]);

        Assert.That(actual, Is.AllClose(expected));
        Assert.That(actual, Is.Not.Null, "NUnit's own Is stays available through the derived class");
    }

    [Test]
    public void AFailure_ShowsTheFullMismatchReport()
    {
        using var expected = Tensor.FromArray(new[] { 1.0, 2.0, 3.0 }, [3]);
        using var actual = Tensor.FromArray(new[] { 1.0, 2.5, 3.0 }, [3]);

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
        using var expected = Tensor.FromArray(new[] { 1.0, 2.0, 3.0 }, [3]);
        using var actual = Tensor.FromArray(new[] { 1.0, 2.5, 3.0 }, [3]);

        var error = Assert.Throws<AssertionException>(() => Assert.That(actual, Is.AllClose(expected)));

        Assert.That(error!.Message, Does.Contain("Mismatched elements: 1 of 3 (33.3%)."));
        Assert.That(error.Message, Does.Contain("(1,): 2.5 vs 2"));
    }

    [Test]
    public void Within_ReplacesTheDefaultTolerance()
    {
        using var expected = Tensor.FromArray(new[] { 100.0 }, [1]);
        using var actual = Tensor.FromArray(new[] { 101.0 }, [1]);

        Assert.That(Is.AllClose(expected).ApplyTo(actual).IsSuccess, Is.False);
        Assert.That(Is.AllClose(expected).Within(0.01, 0).ApplyTo(actual).IsSuccess, Is.True);
        Assert.That(Is.AllClose(expected).Within(0.001, 0.5).ApplyTo(actual).IsSuccess, Is.False, "0.5 + 0.001 * 100 = 0.6 < 1");
    }

    [Test]
    public void WithEqualNan_TreatsMatchingNaNsAsEqual()
    {
        using var expected = Tensor.FromArray(new[] { double.NaN, 1.0 }, [2]);
        using var actual = Tensor.FromArray(new[] { double.NaN, 1.0 }, [2]);

        Assert.That(Is.AllClose(expected).ApplyTo(actual).IsSuccess, Is.False);
        Assert.That(actual, Is.AllClose(expected).WithEqualNan);
    }

    [Test]
    public void AVariable_IsComparedByItsValue()
    {
        var variable = new Variable("w", [2], DType.Float32, Initializers.Ones());
        using var ones = Tensor.Ones([2]);

        Assert.That(variable, Is.AllClose(ones));
    }

    [Test]
    public void AShapeMismatch_SaysSoInTheMessage()
    {
        using var expected = Tensor.Zeros([2, 2]);
        using var actual = Tensor.Zeros([4]);

        var message = MessageOf.Result(Is.AllClose(expected).ApplyTo(actual));

        Assert.That(message, Does.Contain("Tensor shapes differ: actual (4,), expected (2, 2)."));
    }

    [Test]
    public void ANonTensorActual_IsRejectedWithWhatToPass()
    {
        using var expected = Tensor.Zeros([1]);

        Assert.That(
            () => Is.AllClose(expected).ApplyTo(new[] { 0.0 }),
            Throws.ArgumentException.With.Message.Contains("Pass a Tensor or a Variable").And.Message.Contains("Double[]"));
    }

    [Test]
    public void TheDescription_NamesTheExpectedTensorAndTolerance()
    {
        using var expected = Tensor.Zeros([2, 3]);

        Assert.That(Is.AllClose(expected).Within(0.1, 0.2).Description, Is.EqualTo("a tensor close to the expected (2, 3) float32 tensor (rtol=0.1, atol=0.2)"));
    }
}
