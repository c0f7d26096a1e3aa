using System.Threading.Tasks;
using Parity.Analyzers.TorchSharp;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.TorchSharp.TorchSharpRegistrationAnalyzer>;

namespace Parity.Analyzers.Tests.TorchSharp;

[TestFixture]
public sealed class ComponentInAutoPropertyRuleTests
{
    [Test]
    public Task AutoPropertiesHoldingComponents_AreReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Head : nn.Module<Tensor, Tensor>
        {
            public Linear {|#0:Fc|} { get; } = nn.Linear(4, 2);
            public Parameter {|#1:Scale|} { get; set; } = new Parameter(torch.ones(1));

            public Head() : base("Head") => RegisterComponents();

            public override Tensor forward(Tensor input) => Fc.forward(input) * Scale;
        }
        """,
        VerifyCS.Diagnostic(ComponentInAutoPropertyRule.Rule).WithLocation(0).WithArguments("Fc", "submodule"),
        VerifyCS.Diagnostic(ComponentInAutoPropertyRule.Rule).WithLocation(1).WithArguments("Scale", "parameter"));

    [Test]
    public Task FieldsExposedThroughComputedProperties_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Head : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(4, 2);

            public Head() : base("Head") => RegisterComponents();

            public Linear Fc => _fc;
            public int Units { get; } = 2;

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }
        """);
}
