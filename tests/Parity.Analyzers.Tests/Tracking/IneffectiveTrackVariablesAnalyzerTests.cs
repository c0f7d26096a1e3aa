using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.Tracking.IneffectiveTrackVariablesAnalyzer>;

namespace Parity.Analyzers.Tests.Tracking;

[TestFixture]
public sealed class IneffectiveTrackVariablesAnalyzerTests
{
    [Test]
    public Task MisplacedAttributes_AreReportedWithTheReason() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        abstract class Base : Module<Tensor, Tensor>
        {
            [{|#0:TrackVariables|}]
            public abstract Tensor Run(Tensor input);

            [{|#1:TrackVariables|}]
            public static Tensor Helper(Tensor input) => input;

            [TrackVariables]
            protected override Tensor Forward(Tensor input) => Run(input);
        }

        // Re-abstracted and marked: every override below inherits the attribute, as the runtime reads it.
        abstract class TrackedFamily : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected abstract override Tensor Forward(Tensor input);
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Run", "it is abstract and never runs itself"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Helper", "it is static"));

    [Test]
    public Task OnAHelperMarkedForwardPass_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => Block(input);

            [ForwardPass, {|#0:TrackVariables|}]
            private Tensor Block(Tensor input) => input;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Block", "it does not override a forward pass such as Module<TIn, TOut>.Forward"));
}
