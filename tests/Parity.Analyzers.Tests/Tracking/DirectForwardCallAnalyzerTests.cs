using System.Threading.Tasks;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.Tracking.DirectForwardCallAnalyzer>;

namespace Parity.Analyzers.Tests.Tracking;

[TestFixture]
public sealed class DirectForwardCallAnalyzerTests
{
    [Test]
    public Task ForwardCalledDirectly_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Recurrent : Module<Tensor, Tensor>
        {
            private readonly Recurrent? _next;

            public Recurrent(Recurrent? next) => _next = next;

            protected override Tensor Forward(Tensor input) => _next is null ? input : {|#0:_next.Forward(input)|};

            public Tensor Twice(Tensor input) => [|Forward({|#1:Forward(input)|})|];
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Recurrent.Forward"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Recurrent.Forward"));

    [Test]
    public Task UserVirtualForwardPass_CalledDirectly_IsReported() => VerifyCS.VerifyAnalyzerAsync("""
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

    [Test]
    public Task BaseCallCallAndNonVirtualHelpers_AreNotReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using TorchSharp;
        using static TorchSharp.torch;

        class Base : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input;
        }

        sealed class Derived : Base
        {
            private readonly Dense _head = new Dense(2);

            protected override Tensor Forward(Tensor input) => _head.Call(Block(base.Forward(input)));

            [ForwardPass]
            private Tensor Block(Tensor input) => input;
        }
        """);

    // The rule filters calls by the callee's name before it binds them, so every way of naming the callee
    // must still be recognised (a conditional call is reported at the call after '?', as before).
    [Test]
    public Task ConditionalParenthesizedAndGenericCalls_AreReported() => VerifyCS.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        class Block
        {
            [ForwardPass]
            public virtual Tensor Run(Tensor input) => input;

            [ForwardPass]
            public virtual T Map<T>(T input) => input;

            public Tensor Again(Tensor input) => {|#1:(this.Run)(input)|};
        }

        static class Runner
        {
            public static Tensor? Maybe(Block? block, Tensor x) => block?{|#0:.Run(x)|};

            public static Tensor Generic(Block block, Tensor x) => {|#2:block.Map<Tensor>(x)|};
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Block.Run"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Block.Run"),
        VerifyCS.Diagnostic().WithLocation(2).WithArguments("Block.Map"));
}
