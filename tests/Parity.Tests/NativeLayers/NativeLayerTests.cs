using System.Linq;
using Parity.Compat;
using Parity.Tests.Support;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Parity.Tests.NativeLayers;

public class NativeLayerTests
{
    [Test]
    public void ALayer_BuildsItsWeightsOnTheFirstCall_FromTheInputShape()
    {
        var dense = new Nn.Dense(4);
        using var x = ones(2, 3);

        Assert.That(dense.Built, Is.False);
        Assert.That(dense.Variables, Is.Empty);

        dense.Call(x);
        dense.Call(x);

        Assert.That(dense.Built, Is.True);
        Assert.That(dense.Variables.Select(v => (v.Name, v.Shape)), Is.EqualTo(new[] { ("dense/kernel", new long[] { 3, 4 }), ("dense/bias", new long[] { 4 }) }));
    }

    [Test]
    public void ALayerBuiltInsideAScope_TakesTheScopeAsPrefix()
    {
        var conv = new Nn.Conv2D(2, 3, name: "stem");
        var module = new Tracked(x =>
        {
            using (VariableScope("model"))
            {
                return conv.Call(x);
            }
        });
        using var x = ones(1, 5, 5, 1);

        module.Call(x);

        Assert.That(conv.Name, Is.EqualTo("model/stem"));
        Assert.That(Names.Of(conv.Variables), Is.EqualTo(new[] { "model/stem/kernel", "model/stem/bias" }));
    }

    [Test]
    public void NativeLayers_MatchTheCompatLayersTheyReplace()
    {
        using var x = arange(0, 2 * 6 * 6 * 3, ScalarType.Float32).reshape(2, 6, 6, 3).div(50.0);
        var compat = new Tracked(input =>
        {
            var h = Layers.Conv2d(input, 4, 3, strides: 2, padding: Padding.Same, kernelInitializer: Initializers.Constant(0.1), activation: t => t.relu());
            h = Layers.BatchNormalization(h);
            h = Layers.MaxPooling2d(h, 2, 1, Padding.Same);
            h = Layers.AveragePooling2d(h, 2, 2);
            h = Layers.Flatten(h);
            return Layers.Dense(h, 3, kernelInitializer: Initializers.Constant(-0.2));
        });
        var conv = new Nn.Conv2D(4, 3, strides: 2, padding: Padding.Same, kernelInitializer: Initializers.Constant(0.1), activation: t => t.relu());
        var bn = new Nn.BatchNormalization();
        var maxPool = new Nn.MaxPooling2D(2, 1, Padding.Same);
        var avgPool = new Nn.AveragePooling2D(2);
        var flatten = new Nn.Flatten();
        var dense = new Nn.Dense(3, kernelInitializer: Initializers.Constant(-0.2));
        var native = new Untracked(input => dense.Call(flatten.Call(avgPool.Call(maxPool.Call(bn.Call(conv.Call(input)))))));

        var expected = compat.Call(x, training: true).data<float>().ToArray();
        var actual = native.Call(x, training: true).data<float>().ToArray();

        Assert.That(actual, Has.Length.EqualTo(6));
        Assert.That(actual, Is.EqualTo(expected).Within(1e-5f));
        Assert.That(bn.MovingMean!.Value.data<float>().ToArray(), Is.EqualTo(compat.NonTrainableVariables[0].Value.data<float>().ToArray()).Within(1e-6f));
    }

    [Test]
    public void Dropout_FollowsTheCallsTrainingMode()
    {
        var dropout = new Nn.Dropout(0.5);
        using var x = ones(1000);

        var inference = dropout.Call(x).data<float>().ToArray();
        var training = dropout.Call(x, training: true).data<float>().ToArray();

        Assert.That(inference, Is.All.EqualTo(1f));
        Assert.That(training, Is.All.EqualTo(0f).Or.EqualTo(2f));
    }

    [Test]
    public void AnEmptyLayerName_IsRejected()
    {
        Assert.That(() => new Nn.Dense(2, name: ""), Throws.ArgumentException.With.Message.Contains("cannot be empty"));
    }
}
