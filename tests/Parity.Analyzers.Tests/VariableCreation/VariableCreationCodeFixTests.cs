using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Parity.Analyzers.Tests.Verification;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.ForwardPass.ForwardPassAnalyzer,
    Parity.Analyzers.CodeFixes.VariableCreation.VariableCreationCodeFixProvider>;

namespace Parity.Analyzers.Tests.VariableCreation;

[TestFixture]
public sealed class VariableCreationCodeFixTests
{
    [Test]
    public Task FixAllAcrossDocumentsAndProjects_FixesEveryFile()
    {
        var test = VerifyCS.Test();
        test.TestState.Sources.Add("""
            using Parity;
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class A : Module<Tensor, Tensor>
            {
                protected override Tensor Forward(Tensor input)
                {
                    var shape = input.shape;
                    return input * [|new Variable("a", zeros(shape))|] * [|new Variable("b", ones(shape))|];
                }
            }
            """);
        test.TestState.Sources.Add("""
            using Parity;
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class B : Module<Tensor, Tensor>
            {
                protected override Tensor Forward(Tensor input) => input * [|new Variable("c", ones(1))|];
            }
            """);
        test.FixedState.Sources.Add("""
            using Parity;
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class A : Module<Tensor, Tensor>
            {
                private Variable? _variable;
                private Variable? _variable2;

                protected override Tensor Forward(Tensor input)
                {
                    var shape = input.shape;
                    return input * (_variable ??= new Variable("a", zeros(shape))) * (_variable2 ??= new Variable("b", ones(shape)));
                }
            }
            """);
        test.FixedState.Sources.Add("""
            using Parity;
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class B : Module<Tensor, Tensor>
            {
                private readonly Variable _variable = new Variable("c", ones(1));

                protected override Tensor Forward(Tensor input) => input * _variable;
            }
            """);
        var second = new ProjectState("SecondProject", LanguageNames.CSharp, "Second", "cs");
        second.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AdditionalProjects.Add("SecondProject", second);
        second.Sources.Add("""
            using Parity;
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class C : Module<Tensor, Tensor>
            {
                private readonly float _init;

                public C(float init) => _init = init;

                protected override Tensor Forward(Tensor input) => input * [|new Variable("c", ones(1))|];
            }
            """);
        var secondFixed = new ProjectState("SecondProject", LanguageNames.CSharp, "Second", "cs");
        secondFixed.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalProjects.Add("SecondProject", secondFixed);
        secondFixed.Sources.Add("""
            using Parity;
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class C : Module<Tensor, Tensor>
            {
                private readonly float _init;
                private readonly Variable _variable;

                public C(float init)
                {
                    _init = init;
                    _variable = new Variable("c", ones(1));
                }

                protected override Tensor Forward(Tensor input) => input * _variable;
            }
            """);
        return test.RunAsync();
    }
}
