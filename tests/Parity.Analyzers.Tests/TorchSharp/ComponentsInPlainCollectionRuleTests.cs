using System.Threading.Tasks;
using Parity.Analyzers.TorchSharp;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.TorchSharp.TorchSharpRegistrationAnalyzer>;

namespace Parity.Analyzers.Tests.TorchSharp;

[TestFixture]
public sealed class ComponentsInPlainCollectionRuleTests
{
    [Test]
    public Task ModulesAndParametersInPlainCollections_AreReported() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Stack : nn.Module<Tensor, Tensor>
        {
            private readonly List<Linear> {|#0:_layers|} = new();
            private readonly Parameter[] {|#1:_scales|} = new Parameter[2];
            private Dictionary<string, nn.Module> {|#2:Blocks|} { get; } = new();

            public Stack() : base("Stack") => RegisterComponents();

            public override Tensor forward(Tensor input) => input;
        }
        """,
        VerifyCS.Diagnostic(ComponentsInPlainCollectionRule.Rule).WithLocation(0).WithArguments("_layers", "submodule", "List<Linear>", "ModuleList or ModuleDict"),
        VerifyCS.Diagnostic(ComponentsInPlainCollectionRule.Rule).WithLocation(1).WithArguments("_scales", "parameter", "Parameter[]", "ParameterList or ParameterDict"),
        VerifyCS.Diagnostic(ComponentsInPlainCollectionRule.Rule).WithLocation(2).WithArguments("Blocks", "submodule", "Dictionary<string, Module>", "ModuleList or ModuleDict"));

    [Test]
    public Task RegisteredContainers_OtherCollections_AndNonModules_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Stack : nn.Module<Tensor, Tensor>
        {
            private readonly ModuleList<Linear> _layers = nn.ModuleList(nn.Linear(2, 2));
            private readonly List<Tensor> _cache = new();
            private readonly List<int> _sizes = new();

            public Stack() : base("Stack") => RegisterComponents();

            public override Tensor forward(Tensor input) => input;
        }

        sealed class NotAModule
        {
            private readonly List<Linear> _layers = new();
        }
        """);

    [Test]
    public Task ElementsRegisteredByHand_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Stack : nn.Module<Tensor, Tensor>
        {
            private readonly List<Linear> _layers = new();

            public Stack() : base("Stack")
            {
                for (var i = 0; i < 3; i++)
                {
                    var layer = nn.Linear(4, 4);
                    _layers.Add(layer);
                    register_module($"layer_{i}", layer);
                }
            }

            public override Tensor forward(Tensor input) => input;
        }
        """);

    // Seen in ported code: one list registered element by element, a second list forgotten.
    [Test]
    public Task EachCollectionIsJudgedAlone() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Tower : nn.Module<Tensor, Tensor>
        {
            private readonly List<Linear> _registered = new() { nn.Linear(4, 4), nn.Linear(4, 4) };
            private readonly List<Linear> {|#0:_forgotten|} = new() { nn.Linear(4, 4) };

            public Tower() : base("Tower")
            {
                for (var i = 0; i < _registered.Count; i++)
                {
                    register_module($"layer{i}", _registered[i]);
                }
            }

            public override Tensor forward(Tensor input)
            {
                foreach (var layer in _registered)
                {
                    input = layer.forward(input);
                }

                return _forgotten[0].forward(input);
            }
        }
        """,
        VerifyCS.Diagnostic(ComponentsInPlainCollectionRule.Rule).WithLocation(0).WithArguments("_forgotten", "submodule", "List<Linear>", "ModuleList or ModuleDict"));

    // Seen in ported code: an encoder/decoder pair kept as a tuple, named heads kept as a list of pairs.
    [Test]
    public Task ModulesInTuplesAndNestedCollections_AreReported() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Pairs : nn.Module<Tensor, Tensor>
        {
            private readonly (Linear Encoder, Linear Decoder) {|#0:_pair|} = (nn.Linear(4, 2), nn.Linear(2, 4));
            private readonly Tuple<Conv2d, BatchNorm2d> {|#1:_stem|} = Tuple.Create(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8));
            private readonly List<(string Name, Linear Head)> {|#2:_heads|} = new();
            private readonly Dictionary<string, List<Parameter>> {|#3:_gains|} = new();
            private readonly (int Height, int Width) _patch = (4, 4);
            private readonly List<(string Name, Tensor Value)> _cache = new();

            public Pairs() : base("Pairs") => RegisterComponents();

            public override Tensor forward(Tensor input) => _pair.Decoder.forward(_pair.Encoder.forward(input));
        }
        """,
        VerifyCS.Diagnostic(ComponentsInPlainCollectionRule.Rule).WithLocation(0).WithArguments("_pair", "submodule", "(Linear Encoder, Linear Decoder)", "ModuleList or ModuleDict, or one field per element"),
        VerifyCS.Diagnostic(ComponentsInPlainCollectionRule.Rule).WithLocation(1).WithArguments("_stem", "submodule", "Tuple<Conv2d, BatchNorm2d>", "ModuleList or ModuleDict, or one field per element"),
        VerifyCS.Diagnostic(ComponentsInPlainCollectionRule.Rule).WithLocation(2).WithArguments("_heads", "submodule", "List<(string Name, Linear Head)>", "ModuleList or ModuleDict"),
        VerifyCS.Diagnostic(ComponentsInPlainCollectionRule.Rule).WithLocation(3).WithArguments("_gains", "parameter", "Dictionary<string, List<Parameter>>", "ParameterList or ParameterDict"));
}
