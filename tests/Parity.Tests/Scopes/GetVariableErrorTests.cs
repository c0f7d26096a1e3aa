using Parity.Tests.Support;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Tests.Scopes;

/// <summary>Every store error keeps TF's meaning and says what to do.</summary>
public class GetVariableErrorTests
{
    [Test]
    public void SharingWithAnotherShape_NamesBothShapes()
    {
        Assert.That(
            () => Tracked.Run(() =>
            {
                using (VariableScope("outer"))
                using (VariableScope("dense"))
                {
                    GetVariable("kernel", [3, 5]);
                    GetVariable("kernel", [3, 4]);
                }
            }),
            Throws.ArgumentException.With.Message.EqualTo(
                "Trying to share variable outer/dense/kernel, but specified shape (3, 4) and found shape (3, 5)."));
    }

    [Test]
    public void SharingWithAnotherDtype_NamesBothDtypes()
    {
        Assert.That(
            () => Tracked.Run(() =>
            {
                GetVariable("w", [2]);
                GetVariable("w", [2], ScalarType.Float64);
            }),
            Throws.ArgumentException.With.Message.EqualTo(
                "Trying to share variable w, but specified dtype float64 and found dtype float32."));
    }

    [Test]
    public void SharingWithoutAShape_ReturnsTheExistingVariable()
    {
        Variable? first = null;
        Variable? second = null;
        Tracked.Run(() =>
        {
            first = GetVariable("w", [2]);
            second = GetVariable("w");
        });

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void AValueInitializerWithAShape_IsRejected()
    {
        using var value = ones(2);

        Assert.That(
            () => Tracked.Run(() => GetVariable("w", [2], initializer: Initializers.FromTensor(value))),
            Throws.ArgumentException.With.Message.StartsWith("If initializer is a constant, do not specify shape."));
    }

    [Test]
    public void AValueInitializerWithoutAShape_GivesItsShape()
    {
        using var value = tensor(new float[] { 1, 2, 3 });
        Variable? created = null;
        Tracked.Run(() => created = GetVariable("w", initializer: Initializers.FromTensor(value)));

        Assert.That(created!.Shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(created.Value.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 2, 3 }));
    }

    [Test]
    public void ANewVariableWithoutAShape_IsRejected()
    {
        Assert.That(
            () => Tracked.Run(() => GetVariable("w")),
            Throws.ArgumentException.With.Message.StartsWith("Shape of a new variable (w) must be fully defined"));
    }

    [Test]
    public void OutsideAnyTrackedMethod_SaysToAddTrackVariables()
    {
        Assert.That(
            () => GetVariable("w", [2]),
            Throws.InvalidOperationException
                .With.Message.StartsWith("GetVariable needs a variable store, but it was called from code that runs outside any tracked forward pass or legacy graph.")
                .And.Message.Contains("Add [TrackVariables] to the Forward override")
                .And.Message.Contains("LegacyGraph.Run"));
    }

    [Test]
    public void InAnUntrackedForwardPass_NamesTheModule()
    {
        var module = new Untracked(x =>
        {
            using (VariableScope("model"))
            {
                return x;
            }
        });
        using var x = zeros(1);

        Assert.That(
            () => module.Call(x),
            Throws.InvalidOperationException
                .With.Message.StartsWith("VariableScope needs a variable store, but it was called from the forward pass of Untracked, which is not tracked.")
                .And.Message.Contains("Add [TrackVariables]"));
    }

    [Test]
    public void AnEmptyName_IsRejected()
    {
        Assert.That(() => Tracked.Run(() => GetVariable("", [1])), Throws.ArgumentException.With.Message.Contains("non-empty name"));
    }
}
