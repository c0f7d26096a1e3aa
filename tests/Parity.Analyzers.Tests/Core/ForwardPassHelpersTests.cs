using System.Threading.Tasks;
using Parity.Analyzers.ForwardPass;
using VerifyLayer = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.ForwardPass.ForwardPassAnalyzer>;
using VerifyVariable = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.ForwardPass.ForwardPassAnalyzer>;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// Creation in a module's own helper methods: reported when a forward pass calls the helper on every call
/// (directly, through other helpers, or through a property getter), at the creation with the forward pass's call
/// as the second location, once the compilation has been analysed; silent when only the constructor calls it or
/// the forward pass calls it behind a create-once guard.
/// </summary>
[TestFixture]
public sealed class ForwardPassHelpersTests
{
    [Test]
    public Task LayerMadeInAHelperThatForwardCalls_IsReportedInTheHelper_NamingForward() => VerifyLayer.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Classifier : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _body = nn.Linear(8, 16);

            public Classifier() : base("Classifier") => RegisterComponents();

            public override Tensor forward(Tensor input) => {|#1:Head(_body.forward(input))|};

            private Tensor Head(Tensor features) => {|#0:nn.Linear(16, 3)|}.forward(features);
        }
        """,
        VerifyLayer.Diagnostic(LayerCreationRule.ThroughHelperRule).WithLocation(0).WithLocation(1).WithArguments("Linear", "forward", "Head"));

    [Test]
    public Task ParameterMadeTwoHelpersDeep_IsReported() => VerifyVariable.VerifyAnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Scaled : nn.Module<Tensor, Tensor>
        {
            public Scaled() : base("Scaled") => RegisterComponents();

            public override Tensor forward(Tensor input) => {|#1:Rescale(input)|};

            private Tensor Rescale(Tensor input) => input * Gain();

            private Tensor Gain() => {|#0:nn.Parameter(torch.ones(1))|};
        }
        """,
        VerifyVariable.Diagnostic(VariableCreationRule.ThroughHelperRule).WithLocation(0).WithLocation(1).WithArguments("Parameter", "forward", "Gain"));

    [Test]
    public Task LayerMadeInAPropertyGetterThatForwardReads_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            public Net() : base("Net") => RegisterComponents();

            private Linear Projection => {|#0:nn.Linear(4, 4)|};

            public override Tensor forward(Tensor input) => {|#1:Projection|}.forward(input);
        }
        """,
        VerifyLayer.Diagnostic(LayerCreationRule.ThroughHelperRule).WithLocation(0).WithLocation(1).WithArguments("Linear", "forward", "Projection"));

    [Test]
    public Task ParityLayerMadeInAStaticHelperOfTheModule_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Head : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => {|#1:MakeDense()|}.Call(input);

            private static Dense MakeDense() => {|#0:new Dense(10)|};
        }
        """,
        VerifyLayer.Diagnostic(LayerCreationRule.ThroughHelperRule).WithLocation(0).WithLocation(1).WithArguments("Dense", "Forward", "MakeDense"));

    [Test]
    public Task HelpersTheConstructorCalls_OrForwardCallsOnce_AreNotReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly Sequential _stem;
            private Linear? _head;

            public Net() : base("Net")
            {
                _stem = MakeStem(3);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
            {
                if (_head is null)
                {
                    _head = MakeHead(input.shape[1]);
                    register_module("head", _head);
                }

                return _head.forward(Flatten(_stem.forward(input)));
            }

            private static Sequential MakeStem(int channels) => nn.Sequential(nn.Conv2d(channels, 8, 3), nn.BatchNorm2d(8), nn.ReLU());

            private static Linear MakeHead(long features) => nn.Linear(features, 2);

            // Called per call, but makes only a stateless layer.
            private static Tensor Flatten(Tensor x) => nn.Flatten().forward(x);

            // Never called.
            private static Linear Spare() => nn.Linear(2, 2);
        }
        """);
}
