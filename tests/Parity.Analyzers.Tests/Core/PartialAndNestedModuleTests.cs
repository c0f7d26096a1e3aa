using System.Collections.Immutable;
using System.Threading.Tasks;
using Parity.Analyzers.ForwardPass;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Tests.Verification;
using Parity.Analyzers.TorchSharp;
using Parity.Analyzers.Tracking;
using VerifyDirectCall = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.Tracking.DirectForwardCallAnalyzer>;
using VerifyIneffective = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.Tracking.IneffectiveTrackVariablesAnalyzer>;
using VerifyLayer = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.ForwardPass.ForwardPassAnalyzer>;
using VerifyRegister = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.TorchSharp.TorchSharpRegistrationAnalyzer>;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// Modules declared in several files, calls written in every form, nested types and look-alike names: what
/// the rules must still see (a partial module's forward pass or registration in another file) and what they
/// must not take for the module's own code or for a call.
/// </summary>
[TestFixture]
public sealed class PartialAndNestedModuleTests
{
    [Test]
    public Task ForwardNameInCommentsStringsAndLongerIdentifiers_IsNotACall() => VerifyDirectCall.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        sealed class Block : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input;
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Block _block = new Block();

            // _block.Forward(input) would skip tracking.
            protected override Tensor Forward(Tensor input)
            {
                var label = "_block.Forward(input)";
                var ForwardCount = label.Length;
                return _block.Call(ForwardLater(input, ForwardCount));
            }

            private static Tensor ForwardLater(Tensor input, int count) => input;
        }
        """);

    [Test]
    public Task UnqualifiedAndThisCalls_AreReported_ButBaseCallIsNot() => VerifyDirectCall.VerifyAnalyzerAsync("""
        using Parity;
        using TorchSharp;
        using static TorchSharp.torch;

        class Block : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input;
            public Tensor Twice(Tensor input) => {|#0:Forward(input)|} + {|#1:this.Forward(input)|};
        }

        sealed class Other : Block
        {
            protected override Tensor Forward(Tensor input) => base.Forward(input);
        }
        """,
        VerifyDirectCall.Diagnostic().WithLocation(0).WithArguments("Block.Forward"),
        VerifyDirectCall.Diagnostic().WithLocation(1).WithArguments("Block.Forward"));

    [Test]
    public Task ForwardPassOfAPartialModule_IsFoundInTheFileThatDeclaresIt()
    {
        var test = AnalyzerVerifier<Parity.Analyzers.ForwardPass.ForwardPassAnalyzer>.Test();
        test.TestState.Sources.Add("""
            using Parity;
            using TorchSharp;
            using static TorchSharp.torch;

            sealed partial class Net : Module<Tensor, Tensor>
            {
            }
            """);
        test.TestState.Sources.Add("""
            using Parity.Nn;
            using TorchSharp;
            using static TorchSharp.torch;

            sealed partial class Net
            {
                protected override Tensor Forward(Tensor input) => {|#0:new Dense(4)|}.Call(input);
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyLayer.Diagnostic(LayerCreationRule.Rule).WithLocation(0).WithArguments("Dense", "Forward"));
        return test.RunAsync();
    }

    [Test]
    public Task RegistrationInAnotherFileOfAPartialModule_Counts()
    {
        var test = AnalyzerVerifier<TorchSharpRegistrationAnalyzer>.Test();
        test.TestState.Sources.Add("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed partial class Mlp : nn.Module<Tensor, Tensor>
            {
                private readonly Linear _fc = nn.Linear(4, 8);

                public override Tensor forward(Tensor input) => _fc.forward(input);
            }
            """);
        test.TestState.Sources.Add("""
            sealed partial class Mlp
            {
                public Mlp() : base("Mlp") => RegisterComponents();
            }
            """);
        return test.RunAsync();
    }

    [Test]
    public Task RegistrationLookAlikes_DoNotCount() => VerifyRegister.VerifyAnalyzerAsync("""
        using System;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class {|#0:Hidden|} : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(4, 8);
            private readonly Action RegisterComponents = () => { };

            public Hidden() : base("Hidden") => RegisterComponents();

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        static class Registry
        {
            public static void RegisterComponents(object module) { }
        }

        sealed class {|#1:Elsewhere|} : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(4, 8);

            // RegisterComponents() in a comment, and a call of another type's method of the same name.
            public Elsewhere() : base("Elsewhere") => Registry.RegisterComponents(this);

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        sealed class Qualified : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(4, 8);

            public Qualified() : base("Qualified") => this.RegisterComponents();

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }
        """,
        VerifyRegister.Diagnostic().WithLocation(0).WithArguments("Hidden", "_fc"),
        VerifyRegister.Diagnostic().WithLocation(1).WithArguments("Elsewhere", "_fc"));

    [Test]
    public Task AutoPropertyInAnotherFileOfAPartialModule_IsReportedThere()
    {
        var test = AnalyzerVerifier<TorchSharpRegistrationAnalyzer>.Test();
        test.TestState.Sources.Add("""
            using TorchSharp;
            using static TorchSharp.torch;

            sealed partial class Net : nn.Module<Tensor, Tensor>
            {
                public Net() : base("Net") => RegisterComponents();

                public override Tensor forward(Tensor input) => Head.forward(input);
            }
            """);
        test.TestState.Sources.Add("""
            using TorchSharp.Modules;

            sealed partial class Net
            {
                public Linear {|#0:Head|} { get; } = TorchSharp.torch.nn.Linear(4, 2);
            }
            """);
        test.ExpectedDiagnostics.Add(AnalyzerVerifier<TorchSharpRegistrationAnalyzer>.Diagnostic(ComponentInAutoPropertyRule.Rule).WithLocation(0).WithArguments("Head", "submodule"));
        return test.RunAsync();
    }

    [Test]
    public Task TrackVariablesOnAPartialMethod_IsReportedOnce()
    {
        var test = AnalyzerVerifier<IneffectiveTrackVariablesAnalyzer>.Test();
        test.TestState.Sources.Add("""
            using Parity;

            sealed partial class Helper
            {
                [{|#0:TrackVariables|}]
                partial void Build();
            }
            """);
        test.TestState.Sources.Add("""
            sealed partial class Helper
            {
                [System.CLSCompliant(false)]
                partial void Build() { }
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyIneffective.Diagnostic().WithLocation(0).WithArguments("Build", "it does not override a forward pass such as Module<TIn, TOut>.Forward"));
        return test.RunAsync();
    }

    [Test]
    public Task RegistrationNamesHiddenByParametersOrLambdas_DoNotCount() => VerifyRegister.VerifyAnalyzerAsync("""
        using System;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class {|#0:ByParameter|} : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(4, 8);

            public ByParameter(Action RegisterComponents) : base("ByParameter") => RegisterComponents();

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }

        sealed class {|#1:ByLambda|} : nn.Module<Tensor, Tensor>
        {
            private readonly Linear _fc = nn.Linear(4, 8);

            public ByLambda() : base("ByLambda")
            {
                Action<Action> run = RegisterComponents => RegisterComponents();
                run(() => { });
            }

            public override Tensor forward(Tensor input) => _fc.forward(input);
        }
        """,
        VerifyRegister.Diagnostic().WithLocation(0).WithArguments("ByParameter", "_fc"),
        VerifyRegister.Diagnostic().WithLocation(1).WithArguments("ByLambda", "_fc"));

    [Test]
    public Task RegistrationByANestedType_IsNotTheModules() => AnalyzerVerifier<TorchSharpRegistrationAnalyzer>.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly List<Linear> {|#0:_layers|} = new List<Linear>();

            public Net() : base("Net") => RegisterComponents();

            public override Tensor forward(Tensor input) => input;

            private sealed class Helper
            {
                public void Register(Net owner, Linear layer) => owner.register_module("x", layer);
            }
        }
        """,
        AnalyzerVerifier<TorchSharpRegistrationAnalyzer>.Diagnostic(ComponentsInPlainCollectionRule.Rule).WithLocation(0).WithArguments("_layers", "submodule", "List<Linear>", "ModuleList or ModuleDict"));
}
