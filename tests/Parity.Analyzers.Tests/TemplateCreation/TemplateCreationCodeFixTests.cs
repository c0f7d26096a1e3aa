using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.ForwardPass.ForwardPassAnalyzer,
    Parity.Analyzers.CodeFixes.TemplateCreation.TemplateCreationCodeFixProvider>;

namespace Parity.Analyzers.Tests.TemplateCreation;

[TestFixture]
public sealed class TemplateCreationCodeFixTests
{
    // The template needs the variable store, which exists only while the forward pass runs: even with a
    // constructor and constant arguments the fix keeps it in the forward pass behind a guard. The field's
    // type brings its using directive rather than a qualified name.
    [Test]
    public Task TemplateIsMadeOnceBehindAGuard_NeverInTheConstructor() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Siamese : Module<Tensor, Tensor>
        {
            public Siamese() : base("siamese") { }

            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var tower = {|PAR1004:MakeTemplate("tower", (Tensor x) => Dense(x, 8, name: "fc"))|};
                return tower(input) + tower(input);
            }
        }
        """, """
        using System;
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Siamese : Module<Tensor, Tensor>
        {
            private Func<Tensor, Tensor>? _tower;

            public Siamese() : base("siamese") { }

            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var tower = _tower ??= MakeTemplate("tower", (Tensor x) => Dense(x, 8, name: "fc"));
                return tower(input) + tower(input);
            }
        }
        """);
}
