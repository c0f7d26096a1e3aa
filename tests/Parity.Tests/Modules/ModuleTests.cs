using System;
using System.Collections.Generic;
using Parity.Compat;
using Parity.Tests.Support;
using TorchSharp;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Parity.Tests.Modules;

public class ModuleTests
{
    private sealed class TrainingProbe : Module<Tensor, bool>
    {
        protected override bool Forward(Tensor input) => Training;
    }

    private sealed class Outer(TrainingProbe inner) : Module<Tensor, bool>
    {
        protected override bool Forward(Tensor input) => inner.Call(input);
    }

    private class TrackedBase : Module<Tensor, Tensor>
    {
        [TrackVariables]
        protected override Tensor Forward(Tensor input) => GetVariable("w", [1]).Value;
    }

    private sealed class DerivedWithoutAttribute : TrackedBase
    {
        protected override Tensor Forward(Tensor input) => base.Forward(input);
    }

    private sealed class TwoHeads : Module<Tensor, (Tensor, Tensor)>
    {
        protected override (Tensor, Tensor) Forward(Tensor input) => (input.add(1), input.add(2));
    }

    private sealed class Heads(Tensor first, Tensor second) : ITensorContainer
    {
        public Tensor First => first;

        public Tensor Second => second;

        public IEnumerable<Tensor> Tensors => [first, second];
    }

    private sealed class ContainerResult : Module<Tensor, Heads>
    {
        protected override Heads Forward(Tensor input) => new(input.add(1), input.add(2));
    }

    private sealed class DictionaryResult : Module<Tensor, Dictionary<string, Tensor>>
    {
        protected override Dictionary<string, Tensor> Forward(Tensor input) => new() { ["logits"] = input.mul(3) };
    }

    private sealed class SharedTwice(Nn.Dense shared) : Module<Tensor, Tensor>
    {
        private readonly Nn.Dense first = shared;
        private readonly List<nn.Module> all = [shared];

        public int Held => all.Count;

        protected override Tensor Forward(Tensor input) => first.Call(input);
    }

    private sealed class HoldsAVariable : Module<Tensor, Tensor>
    {
        private readonly Variable frozen = new("frozen", [2], initializer: Initializers.Ones(), trainable: false);
        private readonly Variable scale = new("scale", [2], initializer: Initializers.Ones(), regularizer: Regularizers.L1(1.0));

        protected override Tensor Forward(Tensor input) => input.mul(scale.Value).add(frozen.Value);
    }

    [Test]
    public void Training_DefaultsToInference_AndFollowsTheCallOrTheProperty()
    {
        var probe = new TrainingProbe();
        using var x = zeros(1);

        Assert.That(probe.Call(x), Is.False);
        Assert.That(probe.Call(x, training: true), Is.True);

        probe.Training = true;
        Assert.That(probe.Call(x), Is.True);
        Assert.That(probe.Call(x, training: false), Is.False);
    }

    [Test]
    public void NestedCalls_InheritTheCallersTrainingMode()
    {
        var inner = new TrainingProbe();
        var outer = new Outer(inner);
        using var x = zeros(1);

        Assert.That(outer.Call(x, training: true), Is.True);
        Assert.That(outer.Call(x, training: false), Is.False);
    }

    [Test]
    public void AnOverrideOfATrackedForward_IsTrackedToo()
    {
        var module = new DerivedWithoutAttribute();
        using var x = zeros(1);

        module.Call(x);

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "w" }));
    }

    [Test]
    public void TensorsInATupleResult_SurviveTheCall()
    {
        var module = new TwoHeads();
        using var x = zeros(2);

        var (a, b) = module.Call(x);

        Assert.That(a.IsInvalid || b.IsInvalid, Is.False);
        Assert.That(a.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 1 }));
        Assert.That(b.data<float>().ToArray(), Is.EqualTo(new float[] { 2, 2 }));
    }

    [Test]
    public void TensorsListedByAContainerResult_SurviveTheCall()
    {
        var module = new ContainerResult();
        using var x = zeros(1);

        var heads = module.Call(x);

        Assert.That(heads.First.data<float>().ToArray(), Is.EqualTo(new float[] { 1 }));
        Assert.That(heads.Second.data<float>().ToArray(), Is.EqualTo(new float[] { 2 }));
    }

    [Test]
    public void TensorsInADictionaryResult_SurviveTheCall()
    {
        var module = new DictionaryResult();
        using var x = ones(1);

        var endpoints = module.Call(x);

        Assert.That(endpoints["logits"].data<float>().ToArray(), Is.EqualTo(new float[] { 3 }));
    }

    [Test]
    public void IntermediatesOfACall_AreFreed()
    {
        Tensor? intermediate = null;
        var module = new Untracked(x =>
        {
            intermediate = x.add(1);
            return intermediate.mul(2);
        });
        using var x = zeros(2);

        var output = module.Call(x);

        Assert.That(intermediate!.IsInvalid, Is.True);
        Assert.That(output.data<float>().ToArray(), Is.EqualTo(new float[] { 2, 2 }));
    }

    [Test]
    public void ALayerHeldTwice_IsCountedOnce()
    {
        var shared = new Nn.Dense(2);
        var module = new SharedTwice(shared);
        using var x = ones(1, 3);

        module.Call(x);

        Assert.That(module.Held, Is.EqualTo(1));
        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "dense/kernel", "dense/bias" }));
    }

    [Test]
    public void VariablesInFields_AreTrackedAndSplitByTrainability()
    {
        var module = new HoldsAVariable();

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "frozen", "scale" }));
        Assert.That(Names.Of(module.TrainableVariables), Is.EqualTo(new[] { "scale" }));
        Assert.That(Names.Of(module.NonTrainableVariables), Is.EqualTo(new[] { "frozen" }));

        // L1 with scale 1 over [1, 1].
        Assert.That(module.Losses[0].ToDouble(), Is.EqualTo(2.0).Within(1e-6));
    }

    [Test]
    public void Losses_FollowTheCurrentValues()
    {
        var module = new HoldsAVariable();
        using var three = full([2], 3, ScalarType.Float32);

        module.TrainableVariables[0].Assign(three);

        Assert.That(module.Losses[0].ToDouble(), Is.EqualTo(6.0).Within(1e-6));
    }

    [Test]
    public void GetOrCreateLayer_RunsTheFactoryOncePerName()
    {
        var built = 0;
        var module = new Tracked(x =>
        {
            var layer = GetOrCreateLayer("head", () =>
            {
                built++;
                return new Nn.Dense(2, name: "head");
            });
            return layer.Call(x);
        });
        using var x = ones(1, 3);

        module.Call(x);
        module.Call(x);

        Assert.That(built, Is.EqualTo(1));
        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "head/kernel", "head/bias" }));
    }

    [Test]
    public void GetOrCreateLayer_WithAnotherTypeForTheSameName_IsAnError()
    {
        var module = new Tracked(x =>
        {
            GetOrCreateLayer("head", () => new Nn.Dense(2));
            GetOrCreateLayer("head", () => new Nn.Flatten());
            return x;
        });
        using var x = ones(1, 3);

        Assert.That(() => module.Call(x), Throws.InvalidOperationException.With.Message.Contains("was first given a Dense and is now asked for a Flatten"));
    }

    [Test]
    public void ATemplate_SharesItsVariablesAcrossCallsInOneForwardPass()
    {
        var template = MakeTemplate<Tensor, Tensor>("affine", x => Layers.Dense(x, 3, name: "proj"));
        var module = new Tracked(x => template(template(x)));
        using var x = ones(1, 3);

        module.Call(x);

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "affine/proj/kernel", "affine/proj/bias" }));
    }

    [Test]
    public void TwoTemplatesWithOneName_GetUniqueScopes()
    {
        var first = MakeTemplate<Tensor, Tensor>("t", x => x.mul(GetVariable("s", [], initializer: Initializers.Ones()).Value));
        var second = MakeTemplate<Tensor, Tensor>("t", x => x.mul(GetVariable("s", [], initializer: Initializers.Ones()).Value));
        var module = new Tracked(x => second(first(x)));
        using var x = ones(1);

        module.Call(x);

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "t/s", "t_1/s" }));
    }

    [Test]
    public void CallingATemplateOutsideAnyStore_SaysToAddTrackVariables()
    {
        var template = MakeTemplate<Tensor, Tensor>("t", x => x);
        using var x = ones(1);

        Assert.That(() => template(x), Throws.InvalidOperationException.With.Message.StartsWith("The template 't' needs a variable store").And.Message.Contains("[TrackVariables]"));
    }

    [Test]
    public void AnUntrackedModuleInsideATrackedOne_UsesTheCallersStore()
    {
        var helper = new Untracked(x => Layers.Dense(x, 2, name: "helper"));
        var module = new Tracked(x => helper.Call(x));
        using var x = ones(1, 3);

        module.Call(x);

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "helper/kernel", "helper/bias" }));
        Assert.That(helper.Variables, Is.Empty);
    }

    [Test]
    public void ACallOutsideAnyModule_StillSeesNoStore()
    {
        Assert.That(CallFrame.Current, Is.Null);
        Assert.That(() => RecordScope("x"), Throws.InvalidOperationException.With.Message.Contains("RecordScope needs a variable store"));
        Assert.That(new Func<object>(() => GetOrCreateLayer("x", () => new Nn.Flatten())), Throws.InvalidOperationException);
    }
}
