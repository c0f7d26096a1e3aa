using System.Linq;
using System.Threading.Tasks;
using Parity.Analyzers.Tests.Verification;
using Parity.Testing;
using static TorchSharp.torch;
using VerifyLayer = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.ForwardPass.ForwardPassAnalyzer,
    Parity.Analyzers.CodeFixes.LayerCreation.LayerCreationCodeFixProvider>;
using VerifyVariable = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.ForwardPass.ForwardPassAnalyzer,
    Parity.Analyzers.CodeFixes.VariableCreation.VariableCreationCodeFixProvider>;

namespace Parity.Analyzers.Tests.TorchSharp;

/// <summary>
/// Every fix of a creation in a plain TorchSharp module's <c>forward</c> (PAR1001, PAR1002) is run: the fixed
/// code is compiled against the real TorchSharp, built, and checked by the runtime's step-1 module check
/// (<see cref="ModuleCheck"/>) and by its registered parameters. The module before the fix is checked too, so
/// each test shows the check catches what the fix repairs. A fix that only silences the warning (the layer
/// assigned after <c>RegisterComponents()</c>, or a <c>??=</c> that never registers) fails here.
/// </summary>
[TestFixture]
public sealed class FixedModulesRunTests
{
    private static readonly long[] InputShape = [3, 4];

    [Test]
    public async Task LayerMovedIntoAConstructorThatRegisters_IsAssignedBeforeRegisterComponents()
    {
        const string Broken = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Net : nn.Module<Tensor, Tensor>
            {
                private readonly Linear _head = nn.Linear(2, 2);

                public Net() : base("Net") => RegisterComponents();

                public override Tensor forward(Tensor input) => _head.forward({|PAR1002:nn.Linear(4, 2)|}.forward(input));
            }
            """;
        const string Fixed = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Net : nn.Module<Tensor, Tensor>
            {
                private readonly Linear _head = nn.Linear(2, 2);
                private readonly Linear _linear;

                public Net() : base("Net")
                {
                    _linear = nn.Linear(4, 2);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input) => _head.forward(_linear.forward(input));
            }
            """;
        await VerifyLayer.VerifyCodeFixAsync(Broken, Fixed);
        AssertBroken(Broken);
        AssertSound(Fixed, "_head.weight", "_head.bias", "_linear.weight", "_linear.bias");
    }

    [Test]
    public async Task ParameterMovedIntoAConstructorThatRegisters_IsAssignedBeforeRegisterComponents()
    {
        const string Broken = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Scale : nn.Module<Tensor, Tensor>
            {
                public Scale() : base("Scale")
                {
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input) => input * [|nn.Parameter(torch.ones(4))|];
            }
            """;
        const string Fixed = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Scale : nn.Module<Tensor, Tensor>
            {
                private readonly Parameter _parameter;

                public Scale() : base("Scale")
                {
                    _parameter = nn.Parameter(torch.ones(4));
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input) => input * _parameter;
            }
            """;
        await VerifyVariable.VerifyCodeFixAsync(Broken, Fixed);
        AssertBroken(Broken);
        AssertSound(Fixed, "_parameter");
    }

    [Test]
    public async Task LayerMovedIntoAConstructorThatDoesNotRegister_IsRegisteredByName()
    {
        const string Broken = """
            using TorchSharp;
            using static TorchSharp.torch;

            public sealed class Net : nn.Module<Tensor, Tensor>
            {
                public Net() : base("Net") { }

                public override Tensor forward(Tensor input) => {|PAR1002:nn.Linear(4, 5)|}.forward(input);
            }
            """;
        const string Fixed = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Net : nn.Module<Tensor, Tensor>
            {
                private readonly Linear _linear;

                public Net() : base("Net")
                {
                    _linear = nn.Linear(4, 5);
                    register_module("linear", _linear);
                }

                public override Tensor forward(Tensor input) => _linear.forward(input);
            }
            """;
        await VerifyLayer.VerifyCodeFixAsync(Broken, Fixed);
        AssertBroken(Broken);
        AssertSound(Fixed, "linear.weight", "linear.bias");
    }

    [Test]
    public async Task LayerSizedByTheInput_IsCreatedOnceInForwardAndRegistered()
    {
        const string Broken = """
            using TorchSharp;
            using static TorchSharp.torch;

            public sealed class Net : nn.Module<Tensor, Tensor>
            {
                public Net() : base("Net") => RegisterComponents();

                public override Tensor forward(Tensor input) => {|PAR1002:nn.Linear(input.shape[1], 2)|}.forward(input);
            }
            """;
        const string Fixed = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Net : nn.Module<Tensor, Tensor>
            {
                private Linear? _linear;

                public Net() : base("Net") => RegisterComponents();

                public override Tensor forward(Tensor input)
                {
                    if (_linear is null)
                    {
                        _linear = nn.Linear(input.shape[1], 2);
                        register_module("linear", _linear);
                    }

                    return _linear.forward(input);
                }
            }
            """;
        await VerifyLayer.VerifyCodeFixAsync(Broken, Fixed);
        AssertBroken(Broken);
        AssertSound(Fixed, "linear.weight", "linear.bias");
    }

    [Test]
    public async Task ParameterSizedByTheInput_IsCreatedOnceInForwardAndRegistered()
    {
        const string Broken = """
            using TorchSharp;
            using static TorchSharp.torch;

            public sealed class Scale : nn.Module<Tensor, Tensor>
            {
                public Scale() : base("Scale") => RegisterComponents();

                public override Tensor forward(Tensor input)
                {
                    var scale = [|nn.Parameter(torch.ones(input.shape[1]))|];
                    return input * scale;
                }
            }
            """;
        const string Fixed = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Scale : nn.Module<Tensor, Tensor>
            {
                private Parameter? _scale;

                public Scale() : base("Scale") => RegisterComponents();

                public override Tensor forward(Tensor input)
                {
                    if (_scale is null)
                    {
                        _scale = nn.Parameter(torch.ones(input.shape[1]));
                        register_parameter("scale", _scale);
                        _scale.DetachFromDisposeScope();
                    }

                    var scale = _scale;
                    return input * scale;
                }
            }
            """;
        await VerifyVariable.VerifyCodeFixAsync(Broken, Fixed);
        AssertBroken(Broken);
        AssertSound(Fixed, "scale");
    }

    private static void AssertBroken(string source)
    {
        using var module = CompiledModule.Create(source, TypeName(source));
        using var input = ones(InputShape);
        Assert.That(ModuleCheck.Run(module, input).IsSound, Is.False, "the module before the fix must fail the check, or the test proves nothing");
    }

    private static void AssertSound(string source, params string[] parameters)
    {
        using var module = CompiledModule.Create(source, TypeName(source));
        using var input = ones(InputShape);
        var report = ModuleCheck.Run(module, input);
        Assert.Multiple(() =>
        {
            Assert.That(report.IsSound, Is.True, report.ToString);
            Assert.That(module.named_parameters().Select(p => p.name), Is.EquivalentTo(parameters));
            Assert.That(module.state_dict().Keys, Is.SupersetOf(parameters));
        });
    }

    private static string TypeName(string source)
        => source.Split("public sealed class ")[1].Split(' ')[0];
}
