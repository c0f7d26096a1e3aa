using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Tests.Verification;
using Parity.Analyzers.TorchSharp;

namespace Parity.Analyzers.Tests.TorchSharp;

/// <summary>
/// PAR3001 on modules the project builds only inside other modules is suppressed (their parent's registration
/// runs their <c>RegisterComponents()</c>), directly or through a factory only modules call; a module also built
/// elsewhere, or nowhere, keeps its report.
/// </summary>
[TestFixture]
public sealed class RegisteredChildSuppressorTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> RuleAndSuppressor = [new TorchSharpRegistrationAnalyzer(), new RegisteredChildSuppressor()];

    // Seen in real ports: blocks without RegisterComponents() that only their parent builds and registers.
    private const string Source = """
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Block : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(8, 8);
            public Block() : base("Block") { }
            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        sealed class Norm : nn.Module<Tensor, Tensor>
        {
            private readonly Parameter _gain = nn.Parameter(torch.ones(8));
            public Norm() : base("Norm") { }
            public override Tensor forward(Tensor input) => input * _gain;
        }

        sealed class Head : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(8, 2);
            public Head() : base("Head") { }
            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        sealed class Spare : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(8, 2);
            public Spare() : base("Spare") { }
            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        sealed class Down : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(8, 8);
            public Down() : base("Down") { }
            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        sealed class Loose : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(8, 8);
            public Loose() : base("Loose") { }
            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        sealed class Widget : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(8, 8);
            internal Widget() : base("Widget") { }
            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        // Blocks built by kind, as diffusion ports do: only Net calls Make, but Probe calls MakeLoose.
        static class Blocks
        {
            public static nn.Module<Tensor, Tensor> Make(string kind) => kind == "down" ? new Down() : new Block();
            public static nn.Module<Tensor, Tensor> MakeLoose() => new Loose();
        }

        // A library's public factory: only Net calls it here, but users get the Widget it returns as it is.
        public static class Library
        {
            public static nn.Module<Tensor, Tensor> MakeWidget() => new Widget();
        }

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly Block _block = new Block();
            private readonly Norm _norm;
            private readonly Head _head = new();
            private readonly nn.Module<Tensor, Tensor> _down = Blocks.Make("down");
            private readonly nn.Module<Tensor, Tensor> _loose = Blocks.MakeLoose();
            private readonly nn.Module<Tensor, Tensor> _widget = Library.MakeWidget();

            public Net() : base("Net")
            {
                _norm = MakeNorm();
                RegisterComponents();
            }

            private static Norm MakeNorm() => new Norm();

            public override Tensor forward(Tensor input) => _head.forward(_widget.forward(_loose.forward(_down.forward(_norm.forward(_block.forward(input))))));
        }

        static class Probe
        {
            // Built on their own here: this Head and this Loose have no parameters.
            public static Tensor Run(Tensor input) => new Head().forward(input);
            public static Tensor RunLoose(Tensor input) => Blocks.MakeLoose().forward(input);
        }
        """;

    [Test]
    public async Task ChildrenOnlyBuiltByParents_AreSuppressed_OthersKeepTheirReport()
    {
        var compilation = AnalysisRunner.Compile([("Net.cs", Source)]);
        Assert.That(AnalysisRunner.Errors(compilation).Select(e => e.ToString()), Is.Empty);

        var withoutSuppressor = await AnalysisRunner.AnalyzeAsync(compilation, [new TorchSharpRegistrationAnalyzer()]);
        var withSuppressor = await AnalysisRunner.AnalyzeAsync(compilation, RuleAndSuppressor);
        Assert.Multiple(() =>
        {
            Assert.That(withoutSuppressor.Select(d => d.GetMessage()), Has.Exactly(7).Items, "the rule itself reports every module without RegisterComponents()");
            Assert.That(withSuppressor.Select(d => d.GetMessage()), Is.EquivalentTo(new[]
            {
                "TorchSharp module 'Head' has component fields ('_fc') but never calls RegisterComponents(); call it at the end of the constructor so its parameters and submodules are registered",
                "TorchSharp module 'Spare' has component fields ('_fc') but never calls RegisterComponents(); call it at the end of the constructor so its parameters and submodules are registered",
                "TorchSharp module 'Loose' has component fields ('_fc') but never calls RegisterComponents(); call it at the end of the constructor so its parameters and submodules are registered",
                "TorchSharp module 'Widget' has component fields ('_fc') but never calls RegisterComponents(); call it at the end of the constructor so its parameters and submodules are registered",
            }));
        });
    }

    // The fact the suppression rests on, checked on TorchSharp itself.
    [Test]
    public void AChildWithoutRegisterComponents_IsRegisteredThroughItsParent_ButNotOnItsOwn()
    {
        using var parent = CompiledModule.Create(Source.Replace("sealed class Net", "public sealed class Net", System.StringComparison.Ordinal), "Net");
        using var alone = CompiledModule.Create(Source.Replace("sealed class Block", "public sealed class Block", System.StringComparison.Ordinal), "Block");
        Assert.Multiple(() =>
        {
            Assert.That(parent.named_parameters().Select(p => p.name), Is.SupersetOf(new[] { "_block._fc.weight", "_norm._gain", "_down._fc.weight" }));
            Assert.That(alone.named_parameters(), Is.Empty);
        });
    }
}
