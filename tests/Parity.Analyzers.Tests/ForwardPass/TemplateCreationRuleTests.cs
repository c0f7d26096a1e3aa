using System.Threading.Tasks;
using Parity.Analyzers.ForwardPass;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.ForwardPass.ForwardPassAnalyzer>;

namespace Parity.Analyzers.Tests.ForwardPass;

[TestFixture]
public sealed class TemplateCreationRuleTests
{
    [Test]
    public Task TemplateMadeInForward_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Siamese : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var tower = {|#0:MakeTemplate("tower", (Tensor x) => Dense(x, 8, name: "fc"))|};
                return tower(input) + tower(input);
            }
        }
        """,
        VerifyCS.Diagnostic(TemplateCreationRule.Rule).WithLocation(0).WithArguments("MakeTemplate", "Forward"));

    [Test]
    public Task TemplateMadeOnce_IsNotReported() => VerifyCS.VerifyAnalyzerAsync("""
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
                _tower ??= MakeTemplate("tower", (Tensor x) => Dense(x, 8, name: "fc"));
                return _tower(input) + _tower(input);
            }
        }
        """);
}
