using System.Threading.Tasks;
using Parity.Analyzers.ForwardPass;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.ForwardPass.ForwardPassAnalyzer>;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// The create-once patterns real modules use, each beside the look-alike that still creates on every call
/// (a guard that cannot fail to be recognised would pass these tests only if the look-alike is reported).
/// </summary>
[TestFixture]
public sealed class CreateOnceGuardsTests
{
    [Test]
    public Task LocalFunction_IsGuardedByItsCallSites() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private Dense? _head;

            protected override Tensor Forward(Tensor input)
            {
                _head ??= MakeHead();
                return Extra().Call(_head.Call(input));

                Dense MakeHead() => new Dense(10);
                Dense Extra() => {|PAR1002:new Dense(2)|};
            }
        }

        sealed class Escapes : Module<Tensor, Tensor>
        {
            private Dense? _head;

            protected override Tensor Forward(Tensor input)
            {
                _head ??= Make();
                Func<Dense> later = Make;
                return later().Call(_head.Call(input));

                Dense Make() => {|PAR1002:new Dense(10)|};
            }
        }
        """);

    [Test]
    public Task LazyAndGetOrAdd_RunTheirFactoryOnce() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Concurrent;
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly ConcurrentDictionary<long, Dense> _byWidth = new();
            private Lazy<Dense>? _head;

            protected override Tensor Forward(Tensor input)
            {
                _head ??= new Lazy<Dense>(() => new Dense(10));
                var projection = _byWidth.GetOrAdd(input.shape[1], _ => new Dense(4));
                var perCall = new Lazy<Dense>(() => {|PAR1002:new Dense(3)|});
                var local = new ConcurrentDictionary<long, Dense>();
                var fresh = local.GetOrAdd(1, _ => {|PAR1002:new Dense(5)|});
                return fresh.Call(perCall.Value.Call(projection.Call(_head.Value.Call(input))));
            }
        }
        """);

    [Test]
    public Task CoalesceForms_AndArrayElements_AreGuards() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Dense?[] _blocks = new Dense?[3];
            private Dense? _a, _b, _c;

            private Dense? Head { get; set; }

            protected override Tensor Forward(Tensor input)
            {
                Head ??= new Dense(6);
                var x = (_a ?? (_a = new Dense(1))).Call(Head.Call(input));
                _b = _b ?? new Dense(2);
                for (var i = 0; i < _blocks.Length; i++)
                {
                    x = (_blocks[i] ??= new Dense(4)).Call(x);
                }

                var notKept = _c ?? {|PAR1002:new Dense(3)|};
                var scratch = new Dense?[1];
                scratch[0] ??= {|PAR1002:new Dense(5)|};
                return notKept.Call(_b.Call(x));
            }
        }
        """);

    [Test]
    public Task PatternEarlyExits_AndDictionaryLookups_AreGuards() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Dictionary<long, Dense> _byWidth = new();
            private Dense? _head;
            private Dense? _tail;

            protected override Tensor Forward(Tensor input)
            {
                if (!_byWidth.TryGetValue(input.shape[1], out var projection))
                {
                    projection = new Dense(4);
                    _byWidth[input.shape[1]] = projection;
                }

                var local = new Dictionary<long, Dense>();
                if (!local.ContainsKey(1))
                {
                    local[1] = {|PAR1002:new Dense(5)|};
                }

                if (_tail is Dense tail)
                {
                    return tail.Call(input);
                }

                _tail = new Dense(2);
                if (_head is { } head)
                {
                    return head.Call(projection.Call(input));
                }

                _head = new Dense(1);
                return _head.Call(input);
            }
        }
        """);

    [Test]
    public Task ArgumentsOfAGuardedCreation_AreCreatedOnceWithIt() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly bool _wide = true;
            private Sequential? _body;
            private Sequential? _head;
            private Func<Sequential>? _make;

            public Net() : base("Net") { }

            public override Tensor forward(Tensor input)
            {
                _body ??= _wide ? nn.Sequential(nn.Linear(4, 8), nn.ReLU()) : nn.Sequential(nn.Linear(4, 8));
                _head = nn.Sequential({|PAR1002:nn.Linear(8, 2)|});
                _make ??= () => {|PAR1002:nn.Sequential()|};
                return _make().forward(_head.forward(_body.forward(input)));
            }
        }
        """,
        VerifyCS.Diagnostic(LayerCreationRule.TorchSharpRule).WithSpan(18, 17, 18, 47).WithArguments("Sequential", "forward"));

    [Test]
    public Task BuiltFlag_IsAGuard_ButASettingIsNot() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly bool _plain;
            private bool _built;
            private Dense? _head;

            public Net(bool plain) => _plain = plain;

            protected override Tensor Forward(Tensor input)
            {
                if (!_built)
                {
                    _head = new Dense(2);
                    _built = true;
                }

                if (!_plain)
                {
                    input = {|PAR1002:new Dense(3)|}.Call(input);
                }

                return _head!.Call(input);
            }
        }
        """);

    [Test]
    public Task MemberOfAPerCallObject_IsNotAGuard() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class State
        {
            public Dense? Layer;
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly State _kept = new();

            protected override Tensor Forward(Tensor input)
            {
                var state = new State();
                state.Layer ??= {|PAR1002:new Dense(1)|};
                _kept.Layer ??= new Dense(2);
                return _kept.Layer.Call(state.Layer.Call(input));
            }
        }
        """);

    [Test]
    public Task DeclarationsOutsideTheForwardPass_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed partial class Net : Module<Tensor, Tensor>
        {
            private static readonly Dense Shared = new Dense(3);
            private readonly Lazy<Dense> _lazy = new(() => new Dense(4));

            protected override Tensor Forward(Tensor input) => _lazy.Value.Call(Shared.Call(input));
        }

        sealed partial class Net
        {
            private readonly string _kind = nameof(Dense) + typeof(Dense).Name;
        }

        sealed class Generic<T> : Module<T, T>
            where T : class
        {
            private Dense? _dense;

            protected override T Forward(T input)
            {
                _dense ??= new Dense(1);
                return input;
            }
        }

        sealed record Settings(int Units)
        {
            public Dense Build() => new Dense(Units);
        }
        """);
}
