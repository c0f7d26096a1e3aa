using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parity.Analyzers.Tests.Verification;

namespace Parity.Analyzers.Tests.SeededMistakes;

/// <summary>
/// One realistic TorchSharp module per kind of mistake seen in ported code, all in one compilation with every
/// analyzer attached: each module must get exactly the reports listed for it, and nothing else may be
/// reported. The rules' own tests go into detail; this one shows the whole set at once, as a user meets it.
/// </summary>
[TestFixture]
public sealed class TorchSharpMistakesTests
{
    private const string Source = """
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        // Never registers: parameters() is empty.
        public sealed class Unregistered : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(4, 4);
            public Unregistered() : base("Unregistered") { }
            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        // One buffer registered by hand; the layer is not.
        public sealed class BufferOnly : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(4, 4);
            private readonly Tensor _shift = torch.zeros(4);
            public BufferOnly() : base("BufferOnly") => register_buffer("shift", _shift);
            public override Tensor forward(Tensor input) => _fc.forward(input) + _shift;
        }

        // Registers first, builds afterwards.
        public sealed class RegisteredTooEarly : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc;
            public RegisteredTooEarly() : base("RegisteredTooEarly")
            {
                RegisterComponents();
                _fc = nn.Linear(4, 4);
            }
            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        // Lazily built in forward, never registered.
        public sealed class LazyUnregistered : nn.Module<Tensor, Tensor>
        {
            private Linear? _fc;
            private Parameter? _gain;
            public LazyUnregistered() : base("LazyUnregistered") => RegisterComponents();
            public override Tensor forward(Tensor input)
            {
                _fc ??= nn.Linear(input.shape[1], 4);
                if (_gain is null)
                {
                    _gain = nn.Parameter(torch.ones(1));
                }
                return _fc.forward(input) * _gain;
            }
        }

        public class Backbone : nn.Module<Tensor, Tensor>
        {
            protected Linear _head = nn.Linear(4, 10);
            public Backbone() : base("Backbone") => RegisterComponents();
            public override Tensor forward(Tensor input) => _head.forward(input);
        }

        // Adds and replaces layers after the base registered; the second RegisterComponents() does nothing.
        public sealed class Variant : Backbone
        {
            private readonly Linear _extra;
            public Variant()
            {
                _extra = nn.Linear(4, 4);
                _head = nn.Linear(4, 3);
                RegisterComponents();
            }
            public override Tensor forward(Tensor input) => base.forward(_extra.forward(input));
        }

        // One list registered by hand, the other forgotten.
        public sealed class TwoLists : nn.Module<Tensor, Tensor>
        {
            private readonly List<Linear> _encoders = new();
            private readonly List<Linear> _decoders = new();
            public TwoLists() : base("TwoLists")
            {
                for (var i = 0; i < 2; i++)
                {
                    _encoders.Add(nn.Linear(4, 4));
                    register_module($"encoder{i}", _encoders[i]);
                    _decoders.Add(nn.Linear(4, 4));
                }
                RegisterComponents();
            }
            public override Tensor forward(Tensor input) => _decoders[1].forward(_decoders[0].forward(_encoders[1].forward(_encoders[0].forward(input))));
        }

        // A get-only Parameter property: to() cannot set it.
        public sealed class PropertyWeight : nn.Module<Tensor, Tensor>
        {
            public PropertyWeight() : base("PropertyWeight") => RegisterComponents();
            public Parameter Weight { get; } = nn.Parameter(torch.ones(4));
            public override Tensor forward(Tensor input) => input * Weight;
        }

        // New weights on every call, in forward and in a helper it calls; a dropout made per call ignores eval().
        public sealed class PerCall : nn.Module<Tensor, Tensor>
        {
            public PerCall() : base("PerCall") => RegisterComponents();
            public override Tensor forward(Tensor input)
            {
                var scale = nn.Parameter(torch.ones(1));
                var x = nn.Dropout(0.5).forward(Project(input));
                return nn.Identity().forward(x) * scale;
            }
            private static Tensor Project(Tensor input) => nn.Linear(4, 4).forward(input);
        }
        """;

    private static readonly (string Module, string Id)[] Expected =
    [
        ("Unregistered", "PAR3001"),
        ("BufferOnly", "PAR3001"),
        ("RegisteredTooEarly", "PAR3004"),
        ("LazyUnregistered", "PAR3004"),
        ("LazyUnregistered", "PAR3004"),
        ("Variant", "PAR3004"),
        ("Variant", "PAR3004"),
        ("TwoLists", "PAR3002"),
        ("PropertyWeight", "PAR3003"),
        ("PerCall", "PAR1001"),
        ("PerCall", "PAR1002"),
        ("PerCall", "PAR1002"),
    ];

    [Test]
    public async Task EveryKindOfMistake_IsReportedOnItsModule_AndNothingElse()
    {
        var compilation = AnalysisRunner.Compile([("Mistakes.cs", Source)]);
        Assert.That(AnalysisRunner.Errors(compilation).Select(e => e.ToString()), Is.Empty);

        var diagnostics = await AnalysisRunner.AnalyzeAsync(compilation, AnalysisRunner.AllAnalyzers);
        var found = diagnostics
            .Select(d => (Module: d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>()!.Identifier.ValueText, d.Id))
            .OrderBy(f => f.Module, System.StringComparer.Ordinal).ThenBy(f => f.Id, System.StringComparer.Ordinal)
            .ToList();
        var expected = Expected.OrderBy(f => f.Module, System.StringComparer.Ordinal).ThenBy(f => f.Id, System.StringComparer.Ordinal).ToList();
        Assert.That(found, Is.EqualTo(expected), () => string.Join(System.Environment.NewLine, diagnostics));
    }
}
