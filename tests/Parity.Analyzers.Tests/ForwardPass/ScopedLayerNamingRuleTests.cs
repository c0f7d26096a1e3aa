using System.Threading.Tasks;
using Parity.Analyzers.ForwardPass;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.ForwardPass.ForwardPassAnalyzer>;

namespace Parity.Analyzers.Tests.ForwardPass;

[TestFixture]
public sealed class ScopedLayerNamingRuleTests
{
    [Test]
    public Task UnnamedOrNullNamedLayerAtRoot_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static TorchSharp.torch;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var hidden = {|#0:Dense(input, 64)|};
                var named = Dense(hidden, 32, name: "fc2");
                return {|PAR1003:Dense(named, 10, name: null)|};
            }
        }
        """,
        VerifyCS.Diagnostic(ScopedLayerNamingRule.Rule).WithLocation(0).WithArguments("Dense", "Forward", "name"));

    [Test]
    public Task InsideNamedScope_IsNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Block : Module<Tensor, Tensor>
        {
            private readonly string _scope = "block";

            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                using (VariableScope("outer"))
                {
                    input = Conv2d(input, 8, 3);
                    input = BatchNormalization(input);
                }

                using (var s = VariableScope(_scope))
                {
                    input = Dense(input, 4);
                }

                using var tail = VariableScope("tail");
                return Dense(input, 2);
            }
        }
        """);

    [Test]
    public Task UnnamedScopeDoesNotCount_AndDeclarationAfterTheCallDoesNotCount() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Block : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                using (VariableScope(null!))
                {
                    input = {|PAR1003:Dense(input, 4)|};
                }

                input = {|PAR1003:Dense(input, 3)|};
                using var later = VariableScope("later");
                return input;
            }
        }
        """);

    [Test]
    public Task UserHelperOptsIn_WithItsOwnNameParameter() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        static class MyLayers
        {
            [ScopedLayer("scope")]
            public static Tensor Residual(Tensor x, string? scope = null) => x;
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input) => MyLayers.Residual({|PAR1003:MyLayers.Residual(input)|}, scope: "res");
        }
        """);

    [Test]
    public Task ScopeOpenedByAHelper_CountsWhenTheHelperOptsIn() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            [OpensVariableScope("block")]
            private static IDisposable Block(string block) => VariableScope(block);

            private static IDisposable Unmarked(string block) => VariableScope(block);

            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                for (var i = 0; i < 3; i++)
                {
                    input = Dense(input, 4, name: $"block_{i}");
                }

                using (Block("stem"))
                using (VariableScope("inner"))
                {
                    input = Dense(input, 4);
                }

                using (Unmarked("head"))
                {
                    return {|PAR1003:Dense(input, 2)|};
                }
            }
        }
        """);

    [Test]
    public Task InsideATemplateFunction_IsNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Siamese : Module<Tensor, Tensor>
        {
            private Func<Tensor, Tensor>? _tower;

            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                _tower ??= MakeTemplate("tower", (Tensor x) => Dense(x, 8));
                Func<Tensor, Tensor> plain = x => {|PAR1003:Dense(x, 2)|};
                return plain(_tower(input) + _tower(input));
            }
        }
        """);

    [Test]
    public Task OutsideForwardPass_IsNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static TorchSharp.torch;

        static class Graph
        {
            public static Tensor Build(Tensor input) => Dense(Dense(input, 4), 2);
        }
        """);
}
