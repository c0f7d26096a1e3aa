using System.Threading.Tasks;
using Parity.Analyzers.TorchSharp;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.TorchSharp.TorchSharpRegistrationAnalyzer>;

namespace Parity.Analyzers.Tests.TorchSharp;

[TestFixture]
public sealed class MissingRegisterComponentsRuleTests
{
    [Test]
    public Task ModuleWithComponentFieldsAndNoRegistration_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class {|#0:Mlp|} : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc1 = nn.Linear(4, 8);
            private readonly Linear _fc2;

            public Mlp() : base("Mlp") => _fc2 = nn.Linear(8, 2);

            public override Tensor forward(Tensor input) => _fc2.forward(_fc1.forward(input));
        }

        sealed class {|#1:Scale|} : nn.Module<Tensor, Tensor>
        {
            private readonly Tensor _buffer = torch.ones(1);

            public Scale() : base("Scale") { }

            public override Tensor forward(Tensor input) => input * _buffer;
        }
        """,
        VerifyCS.Diagnostic(MissingRegisterComponentsRule.Rule).WithLocation(0).WithArguments("Mlp", "_fc1"),
        VerifyCS.Diagnostic(MissingRegisterComponentsRule.Rule).WithLocation(1).WithArguments("Scale", "_buffer"));

    [Test]
    public Task RegisteredModules_AndModulesWithoutComponents_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Mlp : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc1 = nn.Linear(4, 8);

            public Mlp() : base("Mlp") => RegisterComponents();

            public override Tensor forward(Tensor input) => _fc1.forward(input);
        }

        sealed class Explicit : nn.Module<Tensor, Tensor>
        {
            private readonly Parameter _w = new Parameter(torch.ones(1));

            public Explicit() : base("Explicit") => register_parameter("w", _w);

            public override Tensor forward(Tensor input) => input * _w;
        }

        sealed class Stateless : nn.Module<Tensor, Tensor>
        {
            private static readonly Tensor Shared = torch.ones(1);
            private readonly int _size = 3;

            public Stateless() : base("Stateless") { }

            public override Tensor forward(Tensor input) => input * Shared;
        }
        """);

    // Registration is found by the callee's name before binding, wherever in the class it is written.
    [Test]
    public Task RegistrationOutsideTheConstructor_OrQualified_IsSeen() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Helper : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(4, 8);

            public Helper() : base("Helper") => Setup();

            private void Setup() => this.RegisterComponents();

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        sealed class Conditional : nn.Module<Tensor, Tensor>
        {
            private readonly Tensor _buffer = torch.ones(1);

            public Conditional(bool keep) : base("Conditional")
            {
                if (keep)
                {
                    base.register_buffer("b", _buffer);
                }
            }

            public override Tensor forward(Tensor input) => input * _buffer;
        }
        """);

    // Seen in ported code: a module that registers one buffer by hand and forgets its layer.
    [Test]
    public Task LoneRegisterBuffer_DoesNotCoverTheOtherComponents() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class {|#0:Norm|} : nn.Module<Tensor, Tensor>
        {
            private readonly Tensor _mean = torch.zeros(4);
            private readonly Linear _proj = nn.Linear(4, 4);

            public Norm() : base("Norm") => register_buffer("mean", _mean);

            public override Tensor forward(Tensor input) => _proj.forward(input - _mean);
        }
        """,
        VerifyCS.Diagnostic(MissingRegisterComponentsRule.Rule).WithLocation(0).WithArguments("Norm", "_proj"));

    // Seen in ported code: a module whose only component is an activation: there is nothing to register.
    [Test]
    public Task ModuleHoldingOnlyStatelessLayers_IsNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Activation : nn.Module<Tensor, Tensor>
        {
            private readonly GELU _gelu = nn.GELU();

            public Activation() : base("Activation") { }

            public override Tensor forward(Tensor input) => _gelu.forward(input);
        }
        """);

    // The base constructor's RegisterComponents() registers the derived class's fields too, those initialized
    // where they are declared included; what a derived constructor assigns later is PAR3004's report.
    [Test]
    public Task DerivedModuleWhoseBaseRegisters_IsNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        class Encoder : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _proj = nn.Linear(8, 8);

            public Encoder() : base("Encoder") => RegisterComponents();

            public override Tensor forward(Tensor input) => _proj.forward(input);
        }

        sealed class GatedEncoder : Encoder
        {
            private readonly Linear _gate = nn.Linear(8, 8);

            public override Tensor forward(Tensor input) => base.forward(input) * nn.functional.sigmoid(_gate.forward(input));
        }
        """);

    // Seen in a vision library: fixed statistics kept in auto-properties and registered by hand under the
    // properties' names, so every tensor the module holds is registered without RegisterComponents().
    [Test]
    public Task AutoPropertiesRegisteredByHand_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class FixedShift : nn.Module<Tensor, Tensor>
        {
            public FixedShift(int channels) : base("FixedShift")
            {
                Offset = torch.zeros(channels);
                Gain = torch.ones(channels);
                register_buffer(nameof(Offset), Offset);
                register_buffer(nameof(Gain), Gain);
            }

            public Tensor Offset { get; private set; }

            public Tensor Gain { get; private set; }

            public override Tensor forward(Tensor input) => input * Gain + Offset;
        }
        """);
}
