using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.Tracking.UntrackedStoreUseAnalyzer>;

namespace Parity.Analyzers.Tests.Tracking;

[TestFixture]
public sealed class UntrackedStoreUseAnalyzerTests
{
    [Test]
    public Task StoreUseInUntrackedForward_IsReportedOnceAtTheMethodName() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            protected override Tensor {|#0:Forward|}(Tensor input)
            {
                var w = {|#1:GetVariable("w", new long[] { 4, 4 })|};
                return {|#2:Dense(input.matmul(w), 2, name: "out")|};
            }
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Forward", "GetVariable"));

    [Test]
    public Task TrackedForward_AndHelpers_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static TorchSharp.torch;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input) => Block(input);

            // A helper runs inside the caller's store; only the override decides tracking.
            [ForwardPass]
            private Tensor Block(Tensor input) => Dense(input, 2, name: "out");
        }
        """);

    // The runtime honours an inherited [TrackVariables] (Parity.Tests: AnOverrideOfATrackedForward_IsTrackedToo).
    [Test]
    public Task OverrideOfATrackedOverride_IsTracked_ButAnUntrackedSibling_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static TorchSharp.torch;

        class Base : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input) => Dense(input, 2, name: "a");
        }

        sealed class Derived : Base
        {
            protected override Tensor Forward(Tensor input) => Dense(base.Forward(input), 3, name: "b");
        }

        class Untracked : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input;
        }

        sealed class Sibling : Untracked
        {
            protected override Tensor [|Forward|](Tensor input) => Dense(input, 3, name: "b");
        }
        """);
}
