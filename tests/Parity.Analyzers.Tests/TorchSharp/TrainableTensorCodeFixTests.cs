using System.Linq;
using System.Threading.Tasks;
using Parity.Analyzers.Tests.Verification;
using static TorchSharp.torch;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.TorchSharp.TrainableTensorAnalyzer,
    Parity.Analyzers.CodeFixes.TorchSharp.TrainableTensorCodeFixProvider>;

namespace Parity.Analyzers.Tests.TorchSharp;

/// <summary>
/// The PAR3005 fix makes the field a <c>Parameter</c>; each fixed module is compiled against the real TorchSharp
/// and built, and the weight must have moved from the buffers into <c>named_parameters()</c>, where an
/// optimizer finds it. The module before the fix is checked too, so the test shows what the fix repairs.
/// </summary>
[TestFixture]
public sealed class TrainableTensorCodeFixTests
{
    [Test]
    public async Task FieldWithAnInitializer_BecomesAParameter()
    {
        const string Broken = """
            using TorchSharp;
            using static TorchSharp.torch;

            public sealed class Scaled : nn.Module<Tensor, Tensor>
            {
                private readonly Tensor _scale = [|torch.ones(4, requires_grad: true)|];

                public Scaled() : base("Scaled") => RegisterComponents();

                public override Tensor forward(Tensor input) => input * _scale;
            }
            """;
        const string Fixed = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Scaled : nn.Module<Tensor, Tensor>
            {
                private readonly Parameter _scale = nn.Parameter(torch.ones(4, requires_grad: true));

                public Scaled() : base("Scaled") => RegisterComponents();

                public override Tensor forward(Tensor input) => input * _scale;
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(Broken, Fixed);
        AssertOnlyABuffer(Broken, "Scaled", "_scale");
        AssertTrained(Fixed, "Scaled", "_scale");
    }

    [Test]
    public async Task FieldAssignedOnceInTheConstructor_BecomesAParameter()
    {
        const string Broken = """
            using TorchSharp;
            using static TorchSharp.torch;

            public sealed class Shifted : nn.Module<Tensor, Tensor>
            {
                private readonly Tensor _shift;

                public Shifted() : base("Shifted")
                {
                    _shift = [|torch.zeros(4).requires_grad_()|];
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input) => input + _shift;
            }
            """;
        const string Fixed = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Shifted : nn.Module<Tensor, Tensor>
            {
                private readonly Parameter _shift;

                public Shifted() : base("Shifted")
                {
                    _shift = nn.Parameter(torch.zeros(4).requires_grad_());
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input) => input + _shift;
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(Broken, Fixed);
        AssertOnlyABuffer(Broken, "Shifted", "_shift");
        AssertTrained(Fixed, "Shifted", "_shift");
    }

    // A second write would store a plain tensor into a Parameter field: the user decides.
    [Test]
    public Task FieldWrittenTwice_IsNotFixed()
    {
        const string Source = """
            using TorchSharp;
            using static TorchSharp.torch;

            public sealed class Reset : nn.Module<Tensor, Tensor>
            {
                private Tensor _scale = [|torch.ones(4, requires_grad: true)|];

                public Reset() : base("Reset") => RegisterComponents();

                public void Clear() => _scale = torch.zeros(4);

                public override Tensor forward(Tensor input) => input * _scale;
            }
            """;
        return VerifyCS.VerifyCodeFixAsync(Source, Source);
    }

    private static void AssertOnlyABuffer(string source, string type, string name)
    {
        using var module = CompiledModule.Create(source, type);
        Assert.Multiple(() =>
        {
            Assert.That(module.named_parameters().Select(p => p.name), Does.Not.Contain(name), "before the fix the weight must be missing from parameters(), or the test proves nothing");
            Assert.That(module.named_buffers().Select(b => b.name), Does.Contain(name), "TorchSharp registers a Tensor field as a buffer");
        });
    }

    // One SGD step on a loss the weight takes part in must change it.
    private static void AssertTrained(string source, string type, string name)
    {
        using var module = CompiledModule.Create(source, type);
        var weight = module.named_parameters().Single(p => p.name == name).parameter;
        using var before = weight.detach().clone();
        var optimizer = optim.SGD(module.parameters(), 0.1);
        using var input = ones(4);
        using var loss = module.forward(input).sum();
        loss.backward();
        optimizer.step();
        Assert.That(weight.detach().allclose(before), Is.False, "the optimizer must update the weight after the fix");
    }
}
