using System.Threading.Tasks;
using Parity.Analyzers.CodeFixes.ScopedLayerNaming;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.ForwardPass.ForwardPassAnalyzer,
    Parity.Analyzers.CodeFixes.ScopedLayerNaming.ScopedLayerNamingCodeFixProvider>;

namespace Parity.Analyzers.Tests.ScopedLayerNaming;

[TestFixture]
public sealed class ScopedLayerNamingCodeFixTests
{
    // The names are the ones the layers take on the first call today, in the order they run (the inner
    // call runs first), skipping the explicit "dense_1": checkpoints written before the fix still load.
    [Test]
    public Task NameLayer_UsesTheFirstCallAutoNames() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static TorchSharp.torch;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var x = {|PAR1003:Dense({|PAR1003:Dense(input, 64)|}, 32)|};
                x = Dense(x, 16, name: "dense_1");
                x = {|PAR1003:BatchNormalization(x, name: null)|};
                return {|PAR1003:Conv2d(x, 8, 3)|};
            }
        }
        """, """
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static TorchSharp.torch;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var x = Dense(Dense(input, 64, name: "dense"), 32, name: "dense_2");
                x = Dense(x, 16, name: "dense_1");
                x = BatchNormalization(x, name: "batch_normalization");
                return Conv2d(x, 8, 3, name: "conv2d");
            }
        }
        """, ScopedLayerNamingCodeFixProvider.NameLayerKey);

    [Test]
    public Task WrapInScope_FixesEveryLayerOfTheMethodAtOnce() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class ResidualBlock : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input) => {|PAR1003:Dense({|PAR1003:Dense(input, 8)|}, 8)|} + input;
        }
        """, """
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class ResidualBlock : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                using (VariableScope("residual_block"))
                {
                    return Dense(Dense(input, 8), 8) + input;
                }
            }
        }
        """, ScopedLayerNamingCodeFixProvider.WrapInScopeKey);

    [Test]
    public Task WrapInScope_ImportsTheScopesNamespaceWhenMissing() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var logits = {|PAR1003:Parity.Compat.Layers.Dense(input, 10)|};
                return logits;
            }
        }
        """, """
        using Parity;
        using Parity.Compat;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                using (VariableScopes.VariableScope("head"))
                {
                    var logits = Parity.Compat.Layers.Dense(input, 10);
                    return logits;
                }
            }
        }
        """, ScopedLayerNamingCodeFixProvider.WrapInScopeKey);

    // A fixed name would make the iterations share one set of variables: only the scope keeps the model.
    private const string LayerInALoop = """
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Tower : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                for (var i = 0; i < 3; i++)
                {
                    input = {|PAR1003:Dense(input, 4)|};
                }

                return input;
            }
        }
        """;

    [Test]
    public Task LayerInALoop_IsNotGivenOneFixedName() => VerifyCS.VerifyCodeFixAsync(LayerInALoop, LayerInALoop, ScopedLayerNamingCodeFixProvider.NameLayerKey);

    [Test]
    public Task LayerInALoop_CanBeWrappedInAScope() => VerifyCS.VerifyCodeFixAsync(LayerInALoop, """
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Tower : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                using (VariableScope("tower"))
                {
                    for (var i = 0; i < 3; i++)
                    {
                        input = Dense(input, 4);
                    }

                    return input;
                }
            }
        }
        """, ScopedLayerNamingCodeFixProvider.WrapInScopeKey);
}
