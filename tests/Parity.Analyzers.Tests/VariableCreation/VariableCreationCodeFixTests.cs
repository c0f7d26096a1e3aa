using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.VariableCreation.VariableCreationAnalyzer,
    Parity.Analyzers.CodeFixes.VariableCreation.VariableCreationCodeFixProvider>;

namespace Parity.Analyzers.Tests.VariableCreation;

[TestFixture]
public sealed class VariableCreationCodeFixTests
{
    [Test]
    public Task TorchSharpParameter_MovesIntoTheConstructor() => VerifyCS.VerifyCodeFixAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Scale : nn.Module<Tensor, Tensor>
        {
            public Scale() : base("Scale")
            {
                RegisterComponents();
            }

            public override Tensor forward(Tensor input) => input * [|nn.Parameter(torch.ones(1))|];
        }
        """, """
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Scale : nn.Module<Tensor, Tensor>
        {
            private readonly Parameter _parameter;

            public Scale() : base("Scale")
            {
                RegisterComponents();
                _parameter = nn.Parameter(torch.ones(1));
            }

            public override Tensor forward(Tensor input) => input * _parameter;
        }
        """);

    [Test]
    public Task FixAllAcrossDocumentsAndProjects_FixesEveryFile()
    {
        var test = VerifyCS.Test();
        test.Sources.Add("""
            using Parity;
            using Parity.Torch;

            sealed class A : Module<Tensor, Tensor>
            {
                protected override Tensor Forward(Tensor input)
                {
                    var shape = input.Shape;
                    return input * [|new Variable("a", Tensor.Zeros(shape))|] * [|new Variable("b", Tensor.Ones(shape))|];
                }
            }
            """);
        test.Sources.Add("""
            using Parity;
            using Parity.Torch;

            sealed class B : Module<Tensor, Tensor>
            {
                protected override Tensor Forward(Tensor input) => input * [|new Variable("c", Tensor.Ones(1))|];
            }
            """);
        test.FixedSources.Add("""
            using Parity;
            using Parity.Torch;

            sealed class A : Module<Tensor, Tensor>
            {
                private Variable? _variable;
                private Variable? _variable2;

                protected override Tensor Forward(Tensor input)
                {
                    var shape = input.Shape;
                    return input * (_variable ??= new Variable("a", Tensor.Zeros(shape))) * (_variable2 ??= new Variable("b", Tensor.Ones(shape)));
                }
            }
            """);
        test.FixedSources.Add("""
            using Parity;
            using Parity.Torch;

            sealed class B : Module<Tensor, Tensor>
            {
                private readonly Variable _variable = new Variable("c", Tensor.Ones(1));

                protected override Tensor Forward(Tensor input) => input * _variable;
            }
            """);
        test.SecondProjectSources.Add("""
            using Parity;
            using Parity.Torch;

            sealed class C : Module<Tensor, Tensor>
            {
                private readonly float _init;

                public C(float init) => _init = init;

                protected override Tensor Forward(Tensor input) => input * [|new Variable("c", Tensor.Ones(1))|];
            }
            """);
        test.SecondProjectFixedSources.Add("""
            using Parity;
            using Parity.Torch;

            sealed class C : Module<Tensor, Tensor>
            {
                private readonly float _init;
                private readonly Variable _variable;

                public C(float init)
                {
                    _init = init;
                    _variable = new Variable("c", Tensor.Ones(1));
                }

                protected override Tensor Forward(Tensor input) => input * _variable;
            }
            """);
        return test.RunAsync();
    }
}
