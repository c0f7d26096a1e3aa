using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.CodeFixVerifier<
    Parity.Analyzers.Tracking.DirectForwardCallAnalyzer,
    Parity.Analyzers.CodeFixes.Tracking.DirectForwardCallCodeFixProvider>;

namespace Parity.Analyzers.Tests.Tracking;

[TestFixture]
public sealed class DirectForwardCallCodeFixTests
{
    [Test]
    public Task ForwardBecomesCall() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Chain : Module<Tensor, Tensor>
        {
            private readonly Chain? _next;

            public Chain(Chain? next) => _next = next;

            protected override Tensor Forward(Tensor input) => _next is null ? input : [|_next.Forward(input)|];

            public Tensor Twice(Tensor input) => [|Forward(input)|] + input;
        }
        """, """
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Chain : Module<Tensor, Tensor>
        {
            private readonly Chain? _next;

            public Chain(Chain? next) => _next = next;

            protected override Tensor Forward(Tensor input) => _next is null ? input : _next.Call(input);

            public Tensor Twice(Tensor input) => Call(input) + input;
        }
        """);

    [Test]
    public Task NoEntryPoint_NoFixIsOffered() => VerifyCS.VerifyCodeFixAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        class Block
        {
            [ForwardPass]
            public virtual Tensor Run(Tensor input) => input;
        }

        static class Runner
        {
            public static Tensor Go(Block block, Tensor x) => [|block.Run(x)|];
        }
        """, """
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        class Block
        {
            [ForwardPass]
            public virtual Tensor Run(Tensor input) => input;
        }

        static class Runner
        {
            public static Tensor Go(Block block, Tensor x) => [|block.Run(x)|];
        }
        """);
}
