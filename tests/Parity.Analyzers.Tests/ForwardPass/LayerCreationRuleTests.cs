using System.Threading.Tasks;
using Parity.Analyzers.ForwardPass;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.ForwardPass.ForwardPassAnalyzer>;

namespace Parity.Analyzers.Tests.ForwardPass;

[TestFixture]
public sealed class LayerCreationRuleTests
{
    [Test]
    public Task ParityLayerConstructedInForward_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                var dense = {|#0:new Dense(10)|};
                return dense.Call(input);
            }
        }
        """,
        VerifyCS.Diagnostic(LayerCreationRule.Rule).WithLocation(0).WithArguments("Dense", "Forward"));

    [Test]
    public Task UserModuleInheritsTheMarker_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Block : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input;
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => {|PAR1002:new Block()|}.Call(input);
        }
        """);

    [Test]
    public Task TorchSharpModulesAndFactories_AreReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Inner : nn.Module<Tensor, Tensor>
        {
            public Inner() : base("Inner") { }
            public override Tensor forward(Tensor input) => input;
        }

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            public Net() : base("Net") { }

            public override Tensor forward(Tensor input)
            {
                var linear = {|#0:nn.Linear(4, 5)|};
                var inner = {|PAR1002:new Inner()|};
                var seq = {|PAR1002:torch.nn.Sequential({|PAR1002:nn.Linear(5, 5)|})|};
                return seq.forward(inner.forward(linear.forward(nn.functional.relu(input))));
            }
        }
        """,
        VerifyCS.Diagnostic(LayerCreationRule.TorchSharpRule).WithLocation(0).WithArguments("Linear", "forward"));

    [Test]
    public Task CreateOncePatterns_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Lazy : Module<Tensor, Tensor>
        {
            private Dense? _a;
            private Conv2D? _b;
            private readonly Dense _c = new Dense(3);
            private Dense? _d;

            public Lazy() => _d = new Dense(4);

            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                _a ??= new Dense(1);
                if (_b == null && input.shape.Length == 4)
                {
                    _b = new Conv2D(8, 3);
                }

                var shared = GetOrCreateLayer("shared", () => new Dense(2));
                return shared.Call(_b!.Call(_a.Call(_c.Call(_d!.Call(input)))));
            }
        }
        """);

    [Test]
    public Task TorchSharpModuleBuiltLazilyWithCoalesceAssignment_IsNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            private Linear? _fc;

            public Net() : base("Net") { }

            public override Tensor forward(Tensor input) => (_fc ??= nn.Linear(4, 5)).forward(input);
        }
        """);

    [Test]
    public Task OrdinaryObjectsInForward_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                var outputs = new List<Tensor> { input };
                return outputs[0];
            }
        }
        """);

    [Test]
    public Task UserFactoryAndCreateOnceHelper_OptInThroughTheMarkers() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        static class Blocks
        {
            [CreatesLayer]
            public static Module<Tensor, Tensor> Projection(int units) => new Dense(units);
        }

        sealed class Cache
        {
            private readonly Dictionary<string, object> _items = new();

            public T Get<T>(string key, [CreateOnce] Func<T> make) where T : class
                => _items.TryGetValue(key, out var item) ? (T)item : (T)(_items[key] = make());
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Cache _cache = new();

            protected override Tensor Forward(Tensor input)
            {
                var cached = _cache.Get("proj", () => Blocks.Projection(4));
                return {|PAR1002:Blocks.Projection(2)|}.Call(cached.Call(input));
            }
        }
        """);

    // The rule decides from the declaration whether a method is a forward pass before it looks at the body,
    // so the bodies of other members must stay silent while code nested in a forward pass is still seen.
    [Test]
    public Task OnlyForwardPassBodies_AreAnalyzed_IncludingTheirLambdasAndLocalFunctions() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Dense _first = new Dense(2);
            private readonly Func<Dense> _factory = () => new Dense(3);

            public Net() => Helper();

            public Dense Spare => new Dense(4);

            public static Net operator +(Net left, Net right) => new Net { Extra = new Dense(5) };

            public Dense? Extra { get; init; }

            public Dense Helper()
            {
                Dense Local() => new Dense(6);
                return Local();
            }

            protected override Tensor Forward(Tensor input)
            {
                Func<Dense> make = () => {|#0:new Dense(7)|};
                Dense Local() => {|#1:new Dense(8)|};
                return make().Call(Local().Call(_first.Call(input)));
            }
        }
        """,
        VerifyCS.Diagnostic(LayerCreationRule.Rule).WithLocation(0).WithArguments("Dense", "Forward"),
        VerifyCS.Diagnostic(LayerCreationRule.Rule).WithLocation(1).WithArguments("Dense", "Forward"));

    // Seen in ported code: activations and Identity built inline. They hold no state: the numbers are the same.
    [Test]
    public Task StatelessTorchSharpLayersMadePerCall_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Block : nn.Module<Tensor, Tensor>
        {
            public Block() : base("Block") { }

            public override Tensor forward(Tensor input)
                => nn.Identity().forward(nn.ReLU().forward(nn.MaxPool2d(2).forward(input)));
        }
        """);

    // Seen in ported code: dropout built inline, which eval() never reaches.
    [Test]
    public Task DropoutOrBatchNormMadePerCall_IsReportedWithWhatEvalMisses() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Block : nn.Module<Tensor, Tensor>
        {
            public Block() : base("Block") { }

            public override Tensor forward(Tensor input)
                => {|#0:nn.Dropout(0.5)|}.forward({|#1:nn.BatchNorm1d(4)|}.forward(input));
        }
        """,
        VerifyCS.Diagnostic(LayerCreationRule.TrainingModeRule).WithLocation(0).WithArguments("Dropout", "forward"),
        VerifyCS.Diagnostic(LayerCreationRule.TrainingModeRule).WithLocation(1).WithArguments("BatchNorm1d", "forward"));
}
