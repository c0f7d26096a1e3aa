using System.Threading.Tasks;
using Parity.Analyzers.TorchSharp;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.TorchSharp.TrainableTensorAnalyzer>;

namespace Parity.Analyzers.Tests.TorchSharp;

[TestFixture]
public sealed class TrainableTensorAnalyzerTests
{
    // Seen in ported code: a learned scale or embedding kept as a Tensor made with requires_grad.
    [Test]
    public Task TrainableTensorsInTensorFields_AreReported() => VerifyCS.VerifyAnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Scaled : nn.Module<Tensor, Tensor>
        {
            private readonly Tensor _scale = {|#0:torch.ones(4, requires_grad: true)|};
            private readonly Tensor _shift;
            private Tensor Bias { get; } = {|#2:torch.zeros(4).requires_grad_()|};

            public Scaled() : base("Scaled")
            {
                _shift = {|#1:torch.randn(new long[] { 4 }, requires_grad: true)|};
                RegisterComponents();
            }

            public override Tensor forward(Tensor input) => input * _scale + _shift + Bias;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("_scale"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("_shift"),
        VerifyCS.Diagnostic().WithLocation(2).WithArguments("Bias"));

    [Test]
    public Task TrainableTensorsInListsAndArrays_AreReported() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Gains : nn.Module<Tensor, Tensor>
        {
            private readonly List<Tensor> _gains = new();
            private readonly Tensor[] _offsets = new Tensor[2];

            public Gains() : base("Gains")
            {
                for (var i = 0; i < 2; i++)
                {
                    _gains.Add({|#0:torch.ones(4, requires_grad: true)|});
                    _offsets[i] = {|#1:torch.zeros(4, requires_grad: true)|};
                }

                RegisterComponents();
            }

            public override Tensor forward(Tensor input) => input * _gains[0] * _gains[1] + _offsets[0] + _offsets[1];
        }
        """,
        VerifyCS.Diagnostic(TrainableTensorAnalyzer.CollectionRule).WithLocation(0).WithArguments("_gains", "List<Tensor>"),
        VerifyCS.Diagnostic(TrainableTensorAnalyzer.CollectionRule).WithLocation(1).WithArguments("_offsets", "Tensor[]"));

    [Test]
    public Task ParametersBuffersAndAutogradOnInputs_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Correct : nn.Module<Tensor, Tensor>
        {
            private readonly Parameter _scale = nn.Parameter(torch.ones(4));
            private readonly Tensor _runningMean = torch.zeros(4);
            private readonly Tensor _mask = torch.ones(4, requires_grad: false);
            private readonly Tensor _wrapped = nn.Parameter(torch.ones(4, requires_grad: true));
            private readonly ParameterList _gains = new ParameterList();
            private readonly List<Tensor> _history = new();

            public Correct() : base("Correct")
            {
                _gains.Add(nn.Parameter(torch.ones(4)));
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
            {
                var probe = torch.zeros(4, requires_grad: true);
                _history.Add(input.detach());
                return (input + probe) * _scale * _mask + _runningMean + _wrapped;
            }
        }

        // Not a TorchSharp module: nothing registers anything here.
        sealed class Holder
        {
            private readonly Tensor _weights = torch.ones(4, requires_grad: true);
        }
        """);
}
