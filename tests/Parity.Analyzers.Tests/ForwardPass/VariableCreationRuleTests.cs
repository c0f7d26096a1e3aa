using System.Threading.Tasks;
using Parity.Analyzers.ForwardPass;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.ForwardPass.ForwardPassAnalyzer>;

namespace Parity.Analyzers.Tests.ForwardPass;

[TestFixture]
public sealed class VariableCreationRuleTests
{
    [Test]
    public Task VariableConstructedInForward_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Scale : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                var scale = {|#0:new Variable("scale", ones(1))|};
                return input * scale;
            }
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Variable", "Forward"));

    [Test]
    public Task TorchSharpParameterInForward_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Scale : nn.Module<Tensor, Tensor>
        {
            public Scale() : base("Scale") { }

            public override Tensor forward(Tensor input)
            {
                var a = [|new Parameter(torch.ones(1))|];
                var b = [|nn.Parameter(torch.zeros(1))|];
                return input * a + b;
            }
        }
        """);

    [Test]
    public Task UserFactoryMarkedCreatesVariable_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        static class MyVariables
        {
            [CreatesVariable]
            public static Variable Fresh(string name) => new Variable(name, zeros(1));
        }

        sealed class Block : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input * [|MyVariables.Fresh("w")|];
        }
        """);

    [Test]
    public Task CreateOncePatterns_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Guarded : Module<Tensor, Tensor>
        {
            private Variable? _a, _b, _c, _d, _e;
            private bool _built;
            private readonly Variable _ctor;

            public Guarded() => _ctor = new Variable("ctor", zeros(1));

            protected override Tensor Forward(Tensor input)
            {
                _a ??= new Variable("a", zeros(1));
                if (_b is null)
                {
                    _b = new Variable("b", zeros(1));
                }

                if (_c == null) _c = new Variable("c", zeros(1));
                if (!_built)
                {
                    _d = new Variable("d", zeros(1));
                    _built = true;
                }

                if (_e is not null) { } else { _e = new Variable("e", zeros(1)); }
                return input;
            }
        }

        sealed class EarlyExit : Module<Tensor, Tensor>
        {
            private Variable? _w;

            protected override Tensor Forward(Tensor input)
            {
                if (_w is not null)
                {
                    return input * _w;
                }

                _w = new Variable("w", zeros(1));
                return input * _w;
            }
        }
        """);

    [Test]
    public Task LocalNullCheck_IsNotAGuard() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Local : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                Variable? w = null;
                if (w is null)
                {
                    w = [|new Variable("w", zeros(1))|];
                }

                return input * w;
            }
        }
        """);

    [Test]
    public Task GuardDoesNotReachIntoLambda() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Lazy : Module<Tensor, Tensor>
        {
            private Variable? _w;

            protected override Tensor Forward(Tensor input)
            {
                if (_w is null)
                {
                    Func<Variable> make = () => [|new Variable("w", zeros(1))|];
                    _w = make();
                }

                return input * _w;
            }
        }
        """);

    [Test]
    public Task OptInForwardPass_IsAnalyzed_AndOverridesInheritTheRole() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        class Helper
        {
            [ForwardPass]
            public virtual Tensor Step(Tensor x) => x * [|new Variable("a", zeros(1))|];
        }

        sealed class Derived : Helper
        {
            public override Tensor Step(Tensor x) => x * [|new Variable("b", zeros(1))|];
        }
        """);

    [Test]
    public Task WithoutParityOrTorchSharpSymbols_NothingIsReported() => VerifyCS.VerifyAnalyzerAsync("""
        sealed class Variable { public Variable(string name) { } }

        sealed class Model
        {
            public object Forward(object input) => new Variable("w");
        }
        """);

    [Test]
    public void Descriptor_PointsAtItsRulePage()
        => Assert.That(VariableCreationRule.Rule.HelpLinkUri, Does.EndWith("docs/rules/PAR1001.md"));

    // Seen in ported code: a perturbation fitted per input by its own optimizer is fresh by design; the same
    // parameter without the optimizer is a weight lost on every call.
    [Test]
    public Task ParameterOptimizedWithinTheCall_IsNotReported_ButAnUnoptimizedOne_Is() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Attack : nn.Module<Tensor, Tensor>
        {
            public Attack() : base("Attack") { }

            public override Tensor forward(Tensor input)
            {
                var delta = nn.Parameter(torch.zeros_like(input));
                var optimizer = torch.optim.SGD(new[] { delta }, 0.1);
                optimizer.zero_grad();
                var bias = {|#0:nn.Parameter(torch.zeros(1))|};
                return input + delta + bias;
            }
        }
        """,
        VerifyCS.Diagnostic(VariableCreationRule.TorchSharpRule).WithLocation(0).WithArguments("Parameter", "forward"));
}
