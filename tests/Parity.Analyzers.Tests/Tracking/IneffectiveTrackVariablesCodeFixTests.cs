using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.Tracking.IneffectiveTrackVariablesAnalyzer,
    Parity.Analyzers.CodeFixes.Tracking.IneffectiveTrackVariablesCodeFixProvider>;

namespace Parity.Analyzers.Tests.Tracking;

[TestFixture]
public sealed class IneffectiveTrackVariablesCodeFixTests
{
    [Test]
    public Task RemovesTheAttribute_AloneOrFromAList() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input) => Block(Scale(input));

            /// <summary>A helper.</summary>
            [[|TrackVariables|]]
            private Tensor Block(Tensor input) => input;

            [ForwardPass, [|TrackVariables|]]
            private static Tensor Scale(Tensor input) => input;
        }
        """, """
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input) => Block(Scale(input));

            /// <summary>A helper.</summary>
            private Tensor Block(Tensor input) => input;

            [ForwardPass]
            private static Tensor Scale(Tensor input) => input;
        }
        """);
}
