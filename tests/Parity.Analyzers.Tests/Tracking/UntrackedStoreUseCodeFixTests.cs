using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.Tracking.UntrackedStoreUseAnalyzer,
    Parity.Analyzers.CodeFixes.Tracking.UntrackedStoreUseCodeFixProvider>;

namespace Parity.Analyzers.Tests.Tracking;

[TestFixture]
public sealed class UntrackedStoreUseCodeFixTests
{
    [Test]
    public Task AddsTrackVariables_ToEveryUntrackedForwardPass() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class A : Module<Tensor, Tensor>
        {
            protected override Tensor [|Forward|](Tensor input) => Dense(input, 2, name: "out");
        }

        sealed class B : Module<Tensor, Tensor>
        {
            /// <summary>Scales the input.</summary>
            protected override Tensor [|Forward|](Tensor input)
            {
                return input.matmul(GetVariable("w", new long[] { 2, 2 }));
            }
        }
        """, """
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static Parity.Compat.VariableScopes;
        using static TorchSharp.torch;

        sealed class A : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input) => Dense(input, 2, name: "out");
        }

        sealed class B : Module<Tensor, Tensor>
        {
            /// <summary>Scales the input.</summary>
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                return input.matmul(GetVariable("w", new long[] { 2, 2 }));
            }
        }
        """);

    [Test]
    public Task MissingNamespace_GetsAUsingDirective() => VerifyCS.VerifyCodeFixAsync("""
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static TorchSharp.torch;

        sealed class A : Parity.Module<Tensor, Tensor>
        {
            protected override Tensor [|Forward|](Tensor input) => Dense(input, 2, name: "out");
        }
        """, """
        using Parity;
        using TorchSharp;
        using static Parity.Compat.Layers;
        using static TorchSharp.torch;

        sealed class A : Parity.Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input) => Dense(input, 2, name: "out");
        }
        """);
}
