using Parity.Compat;
using Parity.Tests.Support;
using static TorchSharp.torch;

namespace Parity.Tests.Compat;

public class CompatLayerTests
{
    private static CompatLayer Dense() => new("dense", (x, name) => Layers.Dense(x, 2, name: name));

    [Test]
    public void ALayerObject_TakesAUniqueNameOnce_AndReusesItsVariables()
    {
        var first = Dense();
        var second = Dense();
        var module = new Tracked(x => second.Call(first.Call(x)));
        using var x = ones(1, 3);

        module.Call(x);
        module.Call(x);

        Assert.That(first.Name, Is.EqualTo("dense"));
        Assert.That(second.Name, Is.EqualTo("dense_1"));
        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias" }));
        Assert.That(first.Weight("kernel").Shape, Is.EqualTo(new long[] { 3, 2 }));
    }

    [Test]
    public void Weight_BeforeTheFirstCall_SaysToCallFirst()
    {
        Assert.That(() => Dense().Weight("kernel"), Throws.InvalidOperationException.With.Message.Contains("call it first"));
    }

    [Test]
    public void ALayerObjectOutsideAnyStore_SaysToAddTrackVariables()
    {
        using var x = ones(1, 3);

        Assert.That(() => Dense().Call(x), Throws.InvalidOperationException.With.Message.StartsWith("CompatLayer 'dense' needs a variable store").And.Message.Contains("[TrackVariables]"));
    }
}
