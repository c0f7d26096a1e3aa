using System.Linq;
using Parity.Compat;
using Parity.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Tests.Legacy;

public class LegacyGraphTests
{
    [Test]
    public void Collections_ListVariablesInCreationOrder_AndTheirLosses()
    {
        var graph = new LegacyGraph();
        using var x = ones(2, 3);

        graph.Run(() =>
        {
            using (VariableScope("model"))
            {
                var hidden = Layers.Dense(x, 4, kernelRegularizer: Regularizers.KerasL2(), kernelInitializer: Initializers.Ones());
                return Layers.BatchNormalization(hidden);
            }
        });

        Assert.That(Names.Of(graph.GlobalVariables), Is.EqualTo(new[]
        {
            "model/dense/kernel", "model/dense/bias",
            "model/batch_normalization/gamma", "model/batch_normalization/beta",
            "model/batch_normalization/moving_mean", "model/batch_normalization/moving_variance",
        }));
        Assert.That(Names.Of(graph.TrainableVariables), Is.EqualTo(new[]
        {
            "model/dense/kernel", "model/dense/bias", "model/batch_normalization/gamma", "model/batch_normalization/beta",
        }));

        // Keras L2 default 0.01 over a 3x4 kernel of ones: 0.01 * 12.
        Assert.That(graph.RegularizationLosses.Single().ToDouble(), Is.EqualTo(0.12).Within(1e-6));
    }

    [Test]
    public void ASecondRun_ReusesTheVariablesOfTheFirst()
    {
        var graph = new LegacyGraph();
        using var x = ones(2, 3);

        graph.Run(() => Layers.Dense(x, 2));
        var first = graph.GlobalVariables;
        graph.Run(() => Layers.Dense(x, 2));

        Assert.That(graph.GlobalVariables, Is.EqualTo(first));
        Assert.That(Names.Of(first), Is.EqualTo(new[] { "dense/kernel", "dense/bias" }));
    }

    [Test]
    public void CreatingANameTwiceInOneRun_IsDisallowedWithoutReuse()
    {
        var graph = new LegacyGraph();

        Assert.That(
            () => graph.Run(() =>
            {
                GetVariable("w", [2]);
                GetVariable("w", [2]);
            }),
            Throws.ArgumentException.With.Message.StartsWith("Variable w already exists, disallowed. Did you mean to open the scope with reuse: Reuse.True or Reuse.Auto?"));
    }

    [Test]
    public void ReuseTrue_ReturnsTheExistingVariable_AndIsInherited()
    {
        var graph = new LegacyGraph();
        Variable? first = null;
        Variable? second = null;

        graph.Run(() =>
        {
            using (VariableScope("s"))
            using (VariableScope("inner"))
            {
                first = GetVariable("w", [2]);
            }

            // Reuse.True is sticky: the inner scope asks for False but still reuses.
            using (VariableScope("s", Reuse.True))
            using (VariableScope("inner", Reuse.False))
            {
                second = GetVariable("w", [2]);
            }
        });

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void ReuseTrue_ForAMissingVariable_IsAnError()
    {
        var graph = new LegacyGraph();

        Assert.That(
            () => graph.Run(() =>
            {
                using (VariableScope("s", Reuse.True))
                {
                    GetVariable("w", [2]);
                }
            }),
            Throws.ArgumentException.With.Message.StartsWith("Variable s/w does not exist, or was not created with GetVariable."));
    }

    [Test]
    public void ReuseAuto_GetsOrCreates()
    {
        var graph = new LegacyGraph();
        Variable? first = null;
        Variable? second = null;

        graph.Run(() =>
        {
            using (VariableScope("s", Reuse.Auto))
            {
                first = GetVariable("w", [2]);
                second = GetVariable("w", [2]);
            }
        });

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void ReopeningAScopeInOneRun_WithoutReuse_IsDisallowed()
    {
        var graph = new LegacyGraph();
        using var x = ones(2, 3);

        Assert.That(
            () => graph.Run(() =>
            {
                using (VariableScope("a"))
                {
                    Layers.Dense(x, 3);
                }

                using (VariableScope("a"))
                {
                    Layers.Dense(x, 3);
                }
            }),
            Throws.ArgumentException.With.Message.StartsWith("Variable a/dense/kernel already exists, disallowed."));
    }

    [Test]
    public void ATemplateCalledTwiceInOneRun_ReusesItsVariables()
    {
        var graph = new LegacyGraph();
        var template = MakeTemplate<Tensor, Tensor>("scale", x => x.mul(GetVariable("s", [], initializer: Initializers.Constant(2)).Value));
        using var x = ones(2);

        var output = graph.Run(() => template(template(x)));

        Assert.That(Names.Of(graph.GlobalVariables), Is.EqualTo(new[] { "scale/s" }));
        Assert.That(output.data<float>().ToArray(), Is.EqualTo(new float[] { 4, 4 }));
    }

    [Test]
    public void LayersMadeWithGetOrCreateLayer_AreInTheCollections()
    {
        var graph = new LegacyGraph();
        using var x = ones(1, 3);

        graph.Run(() => GetOrCreateLayer("head", () => new Nn.Dense(2, name: "head")).Call(x));
        graph.Run(() => GetOrCreateLayer("head", () => new Nn.Dense(2, name: "head")).Call(x));

        Assert.That(Names.Of(graph.GlobalVariables), Is.EqualTo(new[] { "head/kernel", "head/bias" }));
    }

    [Test]
    public void EveryVariableMadeDuringARun_IsAGlobalVariable()
    {
        var graph = new LegacyGraph();
        var tracked = new Tracked(x => Layers.Dense(x, 2, name: "inner"));
        var native = new Nn.Dense(2, name: "native");
        using var x = ones(1, 3);

        graph.Run(() =>
        {
            _ = new Variable("explicit", [1], trainable: false);
            native.Call(tracked.Call(x));
        });

        Assert.That(Names.Of(graph.GlobalVariables), Is.EqualTo(new[] { "explicit", "inner/kernel", "inner/bias", "native/kernel", "native/bias" }));
        Assert.That(Names.Of(graph.TrainableVariables), Has.None.EqualTo("explicit"));
    }

    [Test]
    public void NestingRunsOfOneGraph_IsAnError()
    {
        var graph = new LegacyGraph();

        Assert.That(
            () => graph.Run(() => graph.Run(() => { })),
            Throws.InvalidOperationException.With.Message.Contains("inside a run of the same graph"));
    }

    [Test]
    public void TheTrainingFlag_ReachesCompatLayers()
    {
        var graph = new LegacyGraph();
        using var x = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);

        graph.Run(() => Layers.BatchNormalization(x), training: true);

        // Biased batch mean per column: (1+3)/2 = 2 and (2+4)/2 = 3; moving = 0.01 * mean.
        var movingMean = graph.GlobalVariables.Single(v => v.Name == "batch_normalization/moving_mean");
        Assert.That(movingMean.Value.data<float>().ToArray(), Is.EqualTo(new[] { 0.02f, 0.03f }).Within(1e-6f));
    }
}
