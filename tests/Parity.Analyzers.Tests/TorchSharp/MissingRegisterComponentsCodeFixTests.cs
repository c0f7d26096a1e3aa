using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.TorchSharp.TorchSharpRegistrationAnalyzer,
    Parity.Analyzers.CodeFixes.TorchSharp.MissingRegisterComponentsCodeFixProvider>;

namespace Parity.Analyzers.Tests.TorchSharp;

[TestFixture]
public sealed class MissingRegisterComponentsCodeFixTests
{
    [Test]
    public Task CallsRegisterComponentsAtTheEndOfEachInitializingConstructor() => VerifyCS.VerifyCodeFixAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class [|Mlp|] : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc;

            public Mlp(long width) : base("Mlp")
            {
                _fc = nn.Linear(width, 2);
            }

            public Mlp() : this(4) { }

            public Mlp(string name) : base(name) => _fc = nn.Linear(8, 2);

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }
        """, """
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Mlp : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc;

            public Mlp(long width) : base("Mlp")
            {
                _fc = nn.Linear(width, 2);
                RegisterComponents();
            }

            public Mlp() : this(4) { }

            public Mlp(string name) : base(name)
            {
                _fc = nn.Linear(8, 2);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }
        """);
}
