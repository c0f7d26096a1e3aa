using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Parity.Analyzers.ForwardPass;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.ForwardPass.ForwardPassAnalyzer,
    Parity.Analyzers.CodeFixes.LayerCreation.LayerCreationCodeFixProvider>;

namespace Parity.Analyzers.Tests.LayerCreation;

[TestFixture]
public sealed class LayerCreationCodeFixTests
{
    [Test]
    public Task ConstantArguments_MoveIntoEveryConstructor() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            private readonly int _units;

            public Head(int units)
            {
                _units = units;
            }

            public Head() : this(10) { }

            public Head(string name) : base(name) => _units = 3;

            protected override Tensor Forward(Tensor input)
            {
                var proj = {|PAR1002:new Dense(_units)|};
                return {|PAR1002:new Dense(2, name: "out")|}.Call(proj.Call(input));
            }
        }
        """, """
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            private readonly int _units;
            private readonly Dense _proj;
            private readonly Dense _dense;

            public Head(int units)
            {
                _units = units;
                _proj = new Dense(_units);
                _dense = new Dense(2, name: "out");
            }

            public Head() : this(10) { }

            public Head(string name) : base(name)
            {
                _units = 3;
                _proj = new Dense(_units);
                _dense = new Dense(2, name: "out");
            }

            protected override Tensor Forward(Tensor input)
            {
                var proj = _proj;
                return _dense.Call(proj.Call(input));
            }
        }
        """);

    [Test]
    public Task ArgumentsFromTheForwardPass_GetACoalesceGuard() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                var units = (int)input.shape[1];
                var dense = {|PAR1002:new Dense(units)|};
                return {|PAR1002:new Conv2D(units, 3)|}.Call(dense.Call(input));
            }
        }
        """, """
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            private Dense? _dense;
            private Conv2D? _conv2D;

            protected override Tensor Forward(Tensor input)
            {
                var units = (int)input.shape[1];
                var dense = _dense ??= new Dense(units);
                return (_conv2D ??= new Conv2D(units, 3)).Call(dense.Call(input));
            }
        }
        """);

    // The forward pass sets _width before the creation reads it: in the constructor it would still be 0.
    [Test]
    public Task StateTheForwardPassSets_KeepsTheCreationInPlace() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            private int _width;

            public Head() { }

            protected override Tensor Forward(Tensor input)
            {
                _width = (int)input.shape[1];
                return {|PAR1002:new Dense(this._width)|}.Call(input);
            }
        }
        """, """
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            private int _width;
            private Dense? _dense;

            public Head() { }

            protected override Tensor Forward(Tensor input)
            {
                _width = (int)input.shape[1];
                return (_dense ??= new Dense(this._width)).Call(input);
            }
        }
        """);

    [Test]
    public Task EmptyConstructorBody_GetsTheAssignment() => VerifyCS.VerifyCodeFixAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly int _unused = 0;

            public override Tensor forward(Tensor input) => {|PAR1002:nn.Linear(4, 5)|}.forward(input);

            private Net(string name) : base(name) { }
        }
        """, """
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly int _unused = 0;
            private readonly Linear _linear;

            public override Tensor forward(Tensor input) => _linear.forward(input);

            private Net(string name) : base(name)
            {
                _linear = nn.Linear(4, 5);
                register_module("linear", _linear);
            }
        }
        """);

    [Test]
    public Task NoConstructorAndConstantArguments_UseAFieldInitializer() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => {|PAR1002:new Dense(2)|}.Call(input);
        }
        """, """
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            private readonly Dense _dense = new Dense(2);

            protected override Tensor Forward(Tensor input) => _dense.Call(input);
        }
        """);

    [Test]
    public Task TypeFromANamespaceNotImported_GetsAUsingDirective() => VerifyCS.VerifyCodeFixAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            public Net() : base("Net") { }

            public override Tensor forward(Tensor input) => {|PAR1002:nn.Linear(4, 5)|}.forward(input);
        }
        """, """
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _linear;

            public Net() : base("Net")
            {
                _linear = nn.Linear(4, 5);
                register_module("linear", _linear);
            }

            public override Tensor forward(Tensor input) => _linear.forward(input);
        }
        """);

    // One field would make the iterations share one layer: a different model. The user chooses.
    [Test]
    public Task CreationThatRunsRepeatedlyPerCall_IsNotFixed()
    {
        const string Source = """
            using System.Linq;
            using Parity;
            using Parity.Nn;
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Tower : Module<Tensor, Tensor>
            {
                protected override Tensor Forward(Tensor input)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        input = {|PAR1002:new Dense(4)|}.Call(input);
                    }

                    var heads = Enumerable.Range(0, 2).Select(_ => {|PAR1002:new Dense(2)|}).ToList();
                    return heads[0].Call(input);
                }
            }
            """;
        return VerifyCS.VerifyCodeFixAsync(Source, Source);
    }

    // The constructor may call the same helper, and moving the creation out of it would share one layer between
    // those calls: the user decides whether the helper belongs in the constructor.
    [Test]
    public Task CreationInAHelperOfForward_IsNotFixed()
    {
        const string Source = """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Net : nn.Module<Tensor, Tensor>
            {
                public Net() : base("Net") => RegisterComponents();

                public override Tensor forward(Tensor input) => {|#1:Head(input)|};

                private static Tensor Head(Tensor input) => {|#0:nn.Linear(4, 2)|}.forward(input);
            }
            """;
        var test = VerifyCS.Test();
        test.TestCode = Source;
        test.FixedCode = Source;
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(LayerCreationRule.ThroughHelperRule).WithLocation(0).WithLocation(1).WithArguments("Linear", "forward", "Head"));
        // A compilation-end report is not local to a document; the check is that no fix is offered for it.
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }
}
