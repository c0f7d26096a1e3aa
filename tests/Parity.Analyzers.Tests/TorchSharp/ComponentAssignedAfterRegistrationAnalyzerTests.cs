using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.TorchSharp.ComponentAssignedAfterRegistrationAnalyzer>;

namespace Parity.Analyzers.Tests.TorchSharp;

[TestFixture]
public sealed class ComponentAssignedAfterRegistrationAnalyzerTests
{
    // Seen in ported code: the constructor registers first and builds its layers afterwards.
    [Test]
    public Task LayerAssignedAfterRegisterComponentsInTheConstructor_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Block : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _before;
            private readonly Linear _after;

            public Block() : base("Block")
            {
                _before = nn.Linear(4, 4);
                RegisterComponents();
                {|#0:_after = nn.Linear(4, 4)|};
            }

            public override Tensor forward(Tensor input) => _after.forward(_before.forward(input));
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("submodule", "_after", ".ctor", "register_module"));

    // Seen in ported code: layers and parameters sized on the first call, never registered.
    [Test]
    public Task LazyCreationInForward_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Head : nn.Module<Tensor, Tensor>
        {
            private Linear? _fc;
            private Parameter? _scale;

            public Head() : base("Head") => RegisterComponents();

            public override Tensor forward(Tensor input)
            {
                {|#0:_fc ??= nn.Linear(input.shape[1], 2)|};
                if (_scale is null)
                {
                    {|#1:_scale = nn.Parameter(torch.ones(2))|};
                }

                return _fc.forward(input) * _scale;
            }
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("submodule", "_fc", "forward", "register_module"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("parameter", "_scale", "forward", "register_parameter"));

    [Test]
    public Task RegisteredLazyCreation_AssignmentsBeforeRegistration_AndTensorCaches_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Head : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _stem;
            private Linear? _fc;
            private Tensor? _mask;

            public Head() : base("Head")
            {
                _stem = nn.Linear(4, 4);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
            {
                if (_fc is null)
                {
                    _fc = nn.Linear(input.shape[1], 2);
                    register_module("fc", _fc);
                }

                _mask ??= torch.ones(2);
                return _fc.forward(_stem.forward(input)) * _mask;
            }
        }
        """);
}
