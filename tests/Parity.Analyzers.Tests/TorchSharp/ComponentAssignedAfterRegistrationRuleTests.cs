using System.Linq;
using System.Threading.Tasks;
using Parity.Analyzers.Tests.Verification;
using Parity.Analyzers.TorchSharp;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.TorchSharp.TorchSharpRegistrationAnalyzer>;

namespace Parity.Analyzers.Tests.TorchSharp;

[TestFixture]
public sealed class ComponentAssignedAfterRegistrationRuleTests
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
        VerifyCS.Diagnostic(ComponentAssignedAfterRegistrationRule.Rule).WithLocation(0).WithArguments("submodule", "_after", "Block.Block()", "register_module"));

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
        VerifyCS.Diagnostic(ComponentAssignedAfterRegistrationRule.Rule).WithLocation(0).WithArguments("submodule", "_fc", "forward", "register_module"),
        VerifyCS.Diagnostic(ComponentAssignedAfterRegistrationRule.Rule).WithLocation(1).WithArguments("parameter", "_scale", "forward", "register_parameter"));

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

    // Seen in ported code: a variant of a network adds a layer in the derived constructor and calls
    // RegisterComponents() again, which does nothing once the base constructor has registered.
    [Test]
    public Task ComponentsADerivedConstructorAssignsAfterTheBaseRegistered_AreReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        class Backbone : nn.Module<Tensor, Tensor>
        {
            protected Linear _head = nn.Linear(8, 10);

            public Backbone() : base("Backbone") => RegisterComponents();

            public override Tensor forward(Tensor input) => _head.forward(input);
        }

        sealed class WithAuxiliary : Backbone
        {
            private readonly Linear _auxiliary;
            private readonly Linear _declared = nn.Linear(8, 2);
            private readonly Linear _registered;

            public WithAuxiliary()
            {
                {|#0:_auxiliary = nn.Linear(8, 4)|};
                {|#1:_head = nn.Linear(8, 3)|};
                _registered = nn.Linear(8, 5);
                register_module("registered", _registered);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
                => base.forward(input) + _auxiliary.forward(input).sum() + _declared.forward(input).sum() + _registered.forward(input).sum();
        }
        """,
        VerifyCS.Diagnostic(ComponentAssignedAfterRegistrationRule.AfterBaseRule).WithLocation(0).WithArguments("submodule", "_auxiliary", "WithAuxiliary", "Backbone", "register_module"),
        VerifyCS.Diagnostic(ComponentAssignedAfterRegistrationRule.ReplacedRule).WithLocation(1).WithArguments("submodule", "_head", "WithAuxiliary", "Backbone", "register_module"));

    // The facts the two reports above state, checked on TorchSharp itself.
    [Test]
    public void WhatADerivedConstructorAssigns_IsMissingFromParameters_WhatItDeclaresWithAnInitializerIsNot()
    {
        const string Source = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public class Backbone : nn.Module<Tensor, Tensor>
            {
                protected Linear _head = nn.Linear(4, 10);

                public Backbone() : base("Backbone") => RegisterComponents();

                public override Tensor forward(Tensor input) => _head.forward(input);
            }

            public sealed class WithAuxiliary : Backbone
            {
                private readonly Linear _auxiliary;
                private readonly Linear _declared = nn.Linear(4, 2);

                public WithAuxiliary()
                {
                    _auxiliary = nn.Linear(4, 4);
                    _head = nn.Linear(4, 3);
                    RegisterComponents();
                }
            }
            """;
        using var module = CompiledModule.Create(Source, "WithAuxiliary");
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Multiple(() =>
        {
            Assert.That(parameters.Keys, Is.EquivalentTo(new[] { "_head.weight", "_head.bias", "_declared.weight", "_declared.bias" }));
            Assert.That(parameters["_head.weight"], Is.EqualTo(new long[] { 10, 4 }), "the registered head is the base's, not the replacement");
        });
    }

    [Test]
    public Task ADerivedModuleThatRegistersInItsOwnConstructorOnly_IsJudgedByItsOwnCall() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        abstract class Template : nn.Module<Tensor, Tensor>
        {
            protected Template(string name) : base(name) { }
        }

        sealed class Concrete : Template
        {
            private readonly Linear _fc;

            public Concrete() : base("Concrete")
            {
                _fc = nn.Linear(4, 4);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }
        """);

    // Seen in a diffusion port: one branch registers and returns early, the other assigns its layers and registers
    // at its own end; and a second field is pointed at a layer that is registered already. Only the store after
    // the registration in the same branch (a list with a new dropout in it) is reported.
    [Test]
    public Task StoresInTheOtherBranch_AndAliasesOfRegisteredLayers_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Projection : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _shared;
            private readonly Linear _input;
            private readonly Sequential _output;

            public Projection(bool fused) : base("Projection")
            {
                if (fused)
                {
                    _shared = nn.Linear(8, 8);
                    RegisterComponents();
                    _input = _shared;
                    {|#0:_output = nn.Sequential(_shared, nn.Dropout(0.1))|};
                    return;
                }
                else
                {
                    _shared = nn.Linear(8, 8);
                    _input = nn.Linear(8, 8);
                    _output = nn.Sequential(nn.Linear(8, 8), nn.Dropout(0.1));
                    RegisterComponents();
                }
            }

            public override Tensor forward(Tensor input) => _output.forward(_input.forward(input));
        }
        """,
        VerifyCS.Diagnostic(ComponentAssignedAfterRegistrationRule.Rule).WithLocation(0).WithArguments("submodule", "_output", "Projection.Projection(bool)", "register_module"));
}
