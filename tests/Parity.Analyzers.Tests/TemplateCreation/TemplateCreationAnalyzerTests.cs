using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.TemplateCreation.TemplateCreationAnalyzer>;

namespace Parity.Analyzers.Tests.TemplateCreation;

[TestFixture]
public sealed class TemplateCreationAnalyzerTests
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
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("MakeTemplate", "Forward"));

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
