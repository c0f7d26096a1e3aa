using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.LayerCreation;
using Parity.Analyzers.Tests.Verification;
using VerifyLayer = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.LayerCreation.LayerCreationAnalyzer>;
using VerifyNaming = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.ScopedLayerNaming.ScopedLayerNamingAnalyzer>;
using VerifyTemplate = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.TemplateCreation.TemplateCreationAnalyzer>;
using VerifyTracking = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.Tracking.UntrackedStoreUseAnalyzer>;
using VerifyVariable = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.VariableCreation.VariableCreationAnalyzer>;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// Pins the creation and tracking analyzers' results on inputs a syntax pre-filter (a name filter on the
/// called methods and created types, a fast path for <c>member ??= ...</c> and literal layer names) could
/// misjudge: names hidden behind aliases or target typing, user types and helpers that opt in, look-alike
/// names that bind to something else, and <c>??=</c> targets that only look like members.
/// </summary>
[TestFixture]
public sealed class CallSiteFilterTests
{
    #region Created types whose name the call site does not spell

    [Test]
    public Task AliasedOrQualifiedLayerType_IsReported_ButAliasToOtherType_IsNot() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;
        using D = Parity.Nn.Dense;
        using B = System.Text.StringBuilder;

        sealed class Net : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                var text = new B();
                var a = {|#0:new D(4)|};
                var b = {|#1:new Parity.Nn.Dense(1)|};
                var c = {|#2:new global::Parity.Nn.Conv2d(2, 3)|};
                return c.Call(b.Call(a.Call(input)));
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("Dense", "Forward"),
        VerifyLayer.Diagnostic().WithLocation(2).WithArguments("Conv2d", "Forward"));

    [Test]
    public Task GlobalUsingAliasInAnotherFile_IsReported()
    {
        var test = new VerifierTest(ImmutableArray.Create<DiagnosticAnalyzer>(new LayerCreationAnalyzer()));
        test.Sources.Add("""
            using Parity;
            using Parity.Torch;

            sealed class Net : Module<Tensor, Tensor>
            {
                protected override Tensor Forward(Tensor input) => {|#0:new Head(4)|}.Call(input);
            }
            """);
        test.Sources.Add("""
            global using Head = Parity.Nn.Dense;
            """);
        test.ExpectedDiagnostics.Add(VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward"));
        return test.RunAsync();
    }

    [Test]
    public Task UsingAliasToVariableType_IsReported() => VerifyVariable.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;
        using V = Parity.Variable;

        sealed class Scale : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input * {|#0:new V("s", Tensor.Ones(1))|};
        }
        """,
        VerifyVariable.Diagnostic().WithLocation(0).WithArguments("Variable", "Forward"));

    [Test]
    public Task TargetTypedNewOfLayer_IsReported_ButCoalescedIntoField_IsNot() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private Dense? _head;

            protected override Tensor Forward(Tensor input)
            {
                Dense d = {|#0:new(4)|};
                _head ??= new(4);
                return Use({|#1:new(2)|}, _head.Call(d.Call(input)));
            }

            private static Tensor Use(Dense layer, Tensor input) => layer.Call(input);
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("Dense", "Forward"));

    [Test]
    public Task TargetTypedNewInCollectionExpression_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                Dense[] layers = [{|#0:new(1)|}, {|#1:new(2)|}];
                foreach (var layer in layers)
                {
                    input = layer.Call(input);
                }

                return input;
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("Dense", "Forward"));

    [Test]
    public Task TargetTypedNewOfVariable_IsReported() => VerifyVariable.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;

        sealed class Scale : Module<Tensor, Tensor>
        {
            private Variable? _kept;

            protected override Tensor Forward(Tensor input)
            {
                Variable fresh = {|#0:new("s", Tensor.Ones(1))|};
                _kept ??= new("k", Tensor.Ones(1));
                return input * fresh * _kept;
            }
        }
        """,
        VerifyVariable.Diagnostic().WithLocation(0).WithArguments("Variable", "Forward"));

    #endregion

    #region User types that are layers or variables

    [Test]
    public Task UserModulesDeclaredInTheSameSource_OneAndTwoLevelsDeep_AreReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;

        class Block : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input;
        }

        sealed class ResidualBlock : Block
        {
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                var a = {|#0:new Block()|};
                var b = {|#1:new ResidualBlock()|};
                return b.Call(a.Call(input));
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Block", "Forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("ResidualBlock", "Forward"));

    [Test]
    public Task GenericUserModule_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Wrapper<T> : Module<T, T>
        {
            public Wrapper(Module<T, T> inner) { Inner = inner; }

            public Module<T, T> Inner { get; }

            protected override T Forward(T input) => Inner.Call(input);
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Dense _dense = new Dense(4);

            protected override Tensor Forward(Tensor input) => {|#0:new Wrapper<Tensor>(_dense)|}.Call(input);
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Wrapper", "Forward"));

    [Test]
    public Task UserTypeMarkedCreatesLayer_IsReported_ButUnmarkedType_IsNot() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;

        [CreatesLayer]
        class Embedding
        {
        }

        sealed class PositionalEmbedding : Embedding
        {
        }

        sealed class Options
        {
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                var e = {|#0:new Embedding()|};
                var p = {|#1:new PositionalEmbedding()|};
                var o = new Options();
                return input;
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Embedding", "Forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("PositionalEmbedding", "Forward"));

    [Test]
    public Task UserConstructorMarkedCreatesVariable_IsReported_ButItsUnmarkedOverload_IsNot() => VerifyVariable.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;

        sealed class Weight
        {
            [CreatesVariable]
            public Weight(string name) { }

            public Weight(Weight shared) { }
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Weight _shared = new Weight("shared");

            protected override Tensor Forward(Tensor input)
            {
                var fresh = {|#0:new Weight("w")|};
                var alias = new Weight(_shared);
                return input;
            }
        }
        """,
        VerifyVariable.Diagnostic().WithLocation(0).WithArguments("Weight", "Forward"));

    #endregion

    #region ??= targets: members against locals, parameters and members of locals

    [Test]
    public Task CoalesceAssignmentToLocal_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
            {
                Dense? head = null;
                head ??= {|#0:new Dense(4)|};
                return head.Call(input);
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward"));

    [Test]
    public Task CoalesceAssignmentToParameter_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => Apply(input, null);

            [ForwardPass]
            private Tensor Apply(Tensor input, Dense? layer)
            {
                layer ??= {|#0:new Dense(4)|};
                return layer.Call(input);
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Apply"));

    [Test]
    public Task CoalesceAssignmentToInstanceStaticOrThisQualifiedField_IsNotReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private static Dense? Shared;
            private Dense? _a;
            private Dense? _b;

            protected override Tensor Forward(Tensor input)
            {
                _a ??= new Dense(1);
                this._b ??= new Dense(2);
                Shared ??= new Dense(3);
                Net.Shared ??= new Dense(4);
                return Shared.Call(_b.Call(_a.Call(input)));
            }
        }
        """);

    [Test]
    public Task CoalesceAssignmentToProperty_IsNotReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private Dense? _backing;

            private Dense? Head { get; set; }

            private Dense? Tail
            {
                get => _backing;
                set => _backing = value;
            }

            protected override Tensor Forward(Tensor input)
            {
                Head ??= new Dense(1);
                this.Tail ??= new Dense(2);
                return Tail.Call(Head.Call(input));
            }
        }
        """);

    [Test]
    public Task LocalShadowingAField_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private Dense? _head;

            protected override Tensor Forward(Tensor input)
            {
                this._head ??= new Dense(1);
                Dense? _head = null;
                _head ??= {|#0:new Dense(4)|};
                return _head.Call(this._head.Call(input));
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward"));

    [Test]
    public Task CoalesceAssignmentToMemberOfALocal_IsReported_ButMemberOfAField_IsNot() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Holder
        {
            public Dense? Layer;
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Holder _kept = new Holder();

            protected override Tensor Forward(Tensor input)
            {
                var scratch = new Holder();
                scratch.Layer ??= {|#0:new Dense(1)|};
                _kept.Layer ??= new Dense(2);
                return _kept.Layer.Call(scratch.Layer.Call(input));
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward"));

    [Test]
    public Task ParenthesizedCreationOrTarget_IsNotReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Net : Module<Tensor, Tensor>
        {
            private Dense? _a;
            private Dense? _b;

            protected override Tensor Forward(Tensor input)
            {
                _a ??= (new Dense(4));
                (_b) ??= new Dense(2);
                return _b.Call(_a.Call(input));
            }
        }
        """);

    [Test]
    public Task CreationNestedInTheStoredValue_IsNotReported_ButStoredInALocal_Is() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Sequence
        {
            public Sequence(params Dense[] layers) { }
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private Sequence? _seq;
            private Dense? _either;
            private bool _wide;

            protected override Tensor Forward(Tensor input)
            {
                _seq ??= Make(new Dense(2));
                _seq ??= new Sequence(new Dense(3), new Dense(4));
                _either ??= _wide ? new Dense(8) : new Dense(5);
                Sequence? local = null;
                local ??= Make({|#0:new Dense(6)|});
                return input;
            }

            private static Sequence Make(Dense layer) => new Sequence(layer);
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward"));

    [Test]
    public Task CreationInTheInitializerOfTheStoredValue_IsNotReported_ButOfALocal_Is() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class Holder
        {
            public Dense? Layer { get; set; }
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private Holder? _kept;

            protected override Tensor Forward(Tensor input)
            {
                _kept ??= new Holder { Layer = new Dense(1) };
                var scratch = new Holder { Layer = {|#0:new Dense(2)|} };
                return scratch.Layer.Call(_kept.Layer!.Call(input));
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward"));

    #endregion

    #region PAR1003: which argument is the name, and is it null

    [Test]
    public Task ScopedLayerNamedByLiteral_NamedOrPositional_IsNotReported() => VerifyNaming.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;
        using static Parity.Compat.Layers;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var a = Dense(input, 4, name: "a");
                var b = Dense(a, 4, null, true, "b");
                var c = Dense(name: "c", inputs: b, units: 2);
                return Dense(c, 2, name: "");
            }
        }
        """);

    [Test]
    public Task ScopedLayerNameOmittedOrNull_IsReported() => VerifyNaming.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;
        using static Parity.Compat.Layers;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var a = {|#0:Dense(input, 4)|};
                var b = {|#1:Dense(a, 4, name: null)|};
                var c = {|#2:Dense(b, 4, null, true, null)|};
                var d = {|#3:Dense(c, 4, name: default)|};
                return {|#4:Dense(d, 2, name: (string?)null)|};
            }
        }
        """,
        VerifyNaming.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward", "name"),
        VerifyNaming.Diagnostic().WithLocation(1).WithArguments("Dense", "Forward", "name"),
        VerifyNaming.Diagnostic().WithLocation(2).WithArguments("Dense", "Forward", "name"),
        VerifyNaming.Diagnostic().WithLocation(3).WithArguments("Dense", "Forward", "name"),
        VerifyNaming.Diagnostic().WithLocation(4).WithArguments("Dense", "Forward", "name"));

    [Test]
    public Task ScopedLayerNamedByNullConstant_IsReported() => VerifyNaming.VerifyAnalyzerAsync("""
        #nullable disable
        using Parity;
        using Parity.Torch;
        using static Parity.Compat.Layers;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            private const string NoName = null;

            [TrackVariables]
            protected override Tensor Forward(Tensor input) => {|#0:Dense(input, 4, name: NoName)|};
        }
        """,
        VerifyNaming.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward", "name"));

    [Test]
    public Task ScopedLayerNamedByVariableOrNonNullConstant_IsNotReported() => VerifyNaming.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;
        using static Parity.Compat.Layers;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            private const string HeadName = "head";
            private readonly string _tail = "tail";

            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var name = "first";
                var a = Dense(input, 4, name: name);
                var b = Dense(a, 4, name: HeadName);
                var c = Dense(b, 4, name: _tail);
                for (var i = 0; i < 2; i++)
                {
                    c = Dense(c, 4, name: $"block{i}");
                }

                return Dense(c, 2, name: nameof(Mlp));
            }
        }
        """);

    [Test]
    public Task StringLiteralPassedToAnotherParameter_IsReported() => VerifyNaming.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;
        using static Parity.Compat.Layers;

        sealed class Cnn : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var a = {|#0:Conv2d(input, 8, 3, 1, "VALID")|};
                var b = {|#1:Conv2d(a, 8, 3, padding: "VALID")|};
                return Conv2d(b, 8, 3, 1, "VALID", "conv");
            }
        }
        """,
        VerifyNaming.Diagnostic().WithLocation(0).WithArguments("Conv2d", "Forward", "name"),
        VerifyNaming.Diagnostic().WithLocation(1).WithArguments("Conv2d", "Forward", "name"));

    [Test]
    public Task HelperWhoseMarkerNamesAnotherParameter_IsReportedUnlessThatParameterIsGiven() => VerifyNaming.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;

        static class Blocks
        {
            [ScopedLayer("scope")]
            public static Tensor Residual(Tensor inputs, string? name = null, string? scope = null) => inputs;
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var a = {|#0:Blocks.Residual(input, name: "a")|};
                var b = {|#1:Blocks.Residual(a, "b")|};
                var c = Blocks.Residual(b, scope: "c");
                return Blocks.Residual(c, null, "d");
            }
        }
        """,
        VerifyNaming.Diagnostic().WithLocation(0).WithArguments("Residual", "Forward", "scope"),
        VerifyNaming.Diagnostic().WithLocation(1).WithArguments("Residual", "Forward", "scope"));

    [Test]
    public Task ScopedLayerExtensionInReducedForm_CountsTheReceiverAsAnArgument() => VerifyNaming.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;

        static class TensorLayers
        {
            [ScopedLayer("name")]
            public static Tensor Block(this Tensor inputs, string? padding = null, string? name = null) => inputs;
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var a = {|#0:input.Block("SAME")|};
                var b = a.Block("SAME", "b");
                var c = {|#1:TensorLayers.Block(b, "SAME")|};
                var d = TensorLayers.Block(c, "SAME", "d");
                return {|#2:d.Block(name: null)|};
            }
        }
        """,
        VerifyNaming.Diagnostic().WithLocation(0).WithArguments("Block", "Forward", "name"),
        VerifyNaming.Diagnostic().WithLocation(1).WithArguments("Block", "Forward", "name"),
        VerifyNaming.Diagnostic().WithLocation(2).WithArguments("Block", "Forward", "name"));

    [Test]
    public Task ScopedLayerThroughAliasOrQualifiedName_IsReported() => VerifyNaming.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;
        using L = Parity.Compat.Layers;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var a = {|#0:L.Dense(input, 4)|};
                var b = {|#1:Parity.Compat.Layers.BatchNormalization(a)|};
                return L.Dense(b, 2, name: "out");
            }
        }
        """,
        VerifyNaming.Diagnostic().WithLocation(0).WithArguments("Dense", "Forward", "name"),
        VerifyNaming.Diagnostic().WithLocation(1).WithArguments("BatchNormalization", "Forward", "name"));

    [Test]
    public Task UnmarkedMethodOrDelegateNamedLikeAScopedLayer_IsNotReported() => VerifyNaming.VerifyAnalyzerAsync("""
        using System;
        using Parity;
        using Parity.Torch;
        using static Parity.Compat.Layers;

        sealed class Mlp : Module<Tensor, Tensor>
        {
            private readonly Func<Tensor, Tensor> Conv2d = x => x;

            [TrackVariables]
            protected override Tensor Forward(Tensor input) => Conv2d(Dense(input, 4));

            private static Tensor Dense(Tensor inputs, long units, string? name = null) => inputs;
        }
        """);

    #endregion

    #region Marked helpers declared by the user

    [Test]
    public Task UserCreatesLayerHelper_IsReported_DirectlyAndThroughUsingStatic() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;
        using static Helpers.Factory;

        namespace Helpers
        {
            static class Factory
            {
                [CreatesLayer]
                public static Dense MakeHead(int units) => new Dense(units);
            }
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private Dense? _kept;

            protected override Tensor Forward(Tensor input)
            {
                var a = {|#0:Helpers.Factory.MakeHead(4)|};
                var b = {|#1:MakeHead(5)|};
                _kept ??= MakeHead(6);
                return _kept.Call(b.Call(a.Call(input)));
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("MakeHead", "Forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("MakeHead", "Forward"));

    [Test]
    public Task UserCreatesVariableHelper_IsReported_DirectlyAndThroughUsingStatic() => VerifyVariable.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;
        using static Helpers.Weights;

        namespace Helpers
        {
            static class Weights
            {
                [CreatesVariable]
                public static Variable Scalar(string name) => new Variable(name, Tensor.Ones(1));
            }
        }

        sealed class Scale : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input)
                => input * {|#0:Helpers.Weights.Scalar("a")|} * {|#1:Scalar("b")|};
        }
        """,
        VerifyVariable.Diagnostic().WithLocation(0).WithArguments("Scalar", "Forward"),
        VerifyVariable.Diagnostic().WithLocation(1).WithArguments("Scalar", "Forward"));

    [Test]
    public Task UserCreatesTemplateHelper_IsReported_DirectlyAndThroughUsingStatic() => VerifyTemplate.VerifyAnalyzerAsync("""
        using System;
        using Parity;
        using Parity.Torch;
        using static Helpers.Templates;

        namespace Helpers
        {
            static class Templates
            {
                [CreatesTemplate]
                public static Func<Tensor, Tensor> Tower(string name) => x => x;
            }
        }

        sealed class Siamese : Module<Tensor, Tensor>
        {
            private Func<Tensor, Tensor>? _kept;

            [TrackVariables]
            protected override Tensor Forward(Tensor input)
            {
                var a = {|#0:Helpers.Templates.Tower("a")|};
                var b = {|#1:Tower("b")|};
                _kept ??= Tower("kept");
                return a(input) + b(input) + _kept(input);
            }
        }
        """,
        VerifyTemplate.Diagnostic().WithLocation(0).WithArguments("Tower", "Forward"),
        VerifyTemplate.Diagnostic().WithLocation(1).WithArguments("Tower", "Forward"));

    [Test]
    public Task ExtensionMarkedCreatesLayer_InReducedAndStaticForm_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        static class LayerExtensions
        {
            [CreatesLayer]
            public static Dense MakeLayer(this int units) => new Dense(units);
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private Dense? _kept;

            protected override Tensor Forward(Tensor input)
            {
                var units = 4;
                var a = {|#0:units.MakeLayer()|};
                var b = {|#1:LayerExtensions.MakeLayer(2)|};
                _kept ??= 3.MakeLayer();
                return _kept.Call(b.Call(a.Call(input)));
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("MakeLayer", "Forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("MakeLayer", "Forward"));

    [Test]
    public Task InstanceFactoryMarkedCreatesLayer_ThroughConditionalAccess_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Nn;
        using Parity.Torch;

        sealed class LayerFactory
        {
            [CreatesLayer]
            public Dense Make(int units) => new Dense(units);
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly LayerFactory? _factory = new LayerFactory();
            private Dense? _kept;

            protected override Tensor Forward(Tensor input)
            {
                var a = _factory?{|#0:.Make(4)|};
                var b = {|#1:_factory!.Make(5)|};
                _kept ??= _factory?.Make(6);
                return input;
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Make", "Forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("Make", "Forward"));

    [Test]
    public Task DelegateFieldNamedLikeAMarkedMethodOrLayer_IsNotReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using System;
        using Parity;
        using Parity.Nn;
        using Parity.Torch;
        using static Helpers.Factory;

        namespace Helpers
        {
            static class Factory
            {
                [CreatesLayer]
                public static Dense MakeHead(int units) => new Dense(units);
            }
        }

        sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Func<int, Dense> MakeHead = units => new Dense(units);
            private readonly Func<Dense> Dense = () => new Dense(1);

            protected override Tensor Forward(Tensor input) => Dense().Call(MakeHead(4).Call(input));
        }
        """);

    #endregion

    #region TorchSharp

    [Test]
    public Task TorchNnFactory_QualifiedAliasedOrThroughUsingStatic_IsReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using NN = TorchSharp.torch.nn;

        sealed class Net : Module<Tensor, Tensor>
        {
            public Net() : base("Net") { }

            public override Tensor forward(Tensor input)
            {
                var a = {|#0:nn.Linear(4, 5)|};
                var b = {|#1:Linear(5, 6)|};
                var c = {|#2:NN.ReLU()|};
                var d = {|#3:Sequential(a, b, c)|};
                return d.forward(input);
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("Linear", "forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("Linear", "forward"),
        VerifyLayer.Diagnostic().WithLocation(2).WithArguments("ReLU", "forward"),
        VerifyLayer.Diagnostic().WithLocation(3).WithArguments("Sequential", "forward"));

    [Test]
    public Task TorchGenericFactoryAndUserTorchModules_AreReported() => VerifyLayer.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        class Inner : nn.Module<Tensor, Tensor>
        {
            public Inner() : base("Inner") { }
            public override Tensor forward(Tensor input) => input;
        }

        sealed class DeeperInner : Inner
        {
        }

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            public Net() : base("Net") { }

            public override Tensor forward(Tensor input)
            {
                var list = {|#0:nn.ModuleList<Inner>()|};
                var kept = {|#1:new ModuleList<Inner>()|};
                var deeper = {|#2:new DeeperInner()|};
                return deeper.forward(input);
            }
        }
        """,
        VerifyLayer.Diagnostic().WithLocation(0).WithArguments("ModuleList", "forward"),
        VerifyLayer.Diagnostic().WithLocation(1).WithArguments("ModuleList", "forward"),
        VerifyLayer.Diagnostic().WithLocation(2).WithArguments("DeeperInner", "forward"));

    [Test]
    public Task TorchParameter_NewTargetTypedAndFactory_IsReported() => VerifyVariable.VerifyAnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Net : nn.Module<Tensor, Tensor>
        {
            private Parameter? _kept;

            public Net() : base("Net") { }

            public override Tensor forward(Tensor input)
            {
                var a = {|#0:new Parameter(zeros(4))|};
                Parameter b = {|#1:new(zeros(4))|};
                var c = {|#2:nn.Parameter(zeros(4))|};
                _kept ??= nn.Parameter(zeros(4));
                return input * a * b * c * _kept;
            }
        }
        """,
        VerifyVariable.Diagnostic().WithLocation(0).WithArguments("Parameter", "forward"),
        VerifyVariable.Diagnostic().WithLocation(1).WithArguments("Parameter", "forward"),
        VerifyVariable.Diagnostic().WithLocation(2).WithArguments("Parameter", "forward"));

    [Test]
    public async Task TorchNnStaticsReturningTensors_AreNotReported()
    {
        const string Source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn.functional;

            sealed class Net : nn.Module<Tensor, Tensor>
            {
                public Net() : base("Net") { }

                public override Tensor forward(Tensor input)
                {
                    var a = nn.functional.relu(input);
                    var b = relu(a);
                    return linear(b, ones(4, 4));
                }
            }
            """;
        await VerifyLayer.VerifyAnalyzerAsync(Source);
        await VerifyVariable.VerifyAnalyzerAsync(Source);
    }

    #endregion

    #region PAR2001: store APIs the call site does not name plainly

    [Test]
    public Task StoreApiThroughUsingStaticOrAlias_IsReported_ButNoStoreApi_IsNot() => VerifyTracking.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;
        using static Parity.Compat.VariableScopes;
        using VS = Parity.Compat.VariableScopes;

        sealed class ThroughUsingStatic : Module<Tensor, Tensor>
        {
            protected override Tensor {|#0:Forward|}(Tensor input) => input * GetVariable("w", new long[] { 1 });
        }

        sealed class ThroughAlias : Module<Tensor, Tensor>
        {
            protected override Tensor {|#1:Forward|}(Tensor input) => input * VS.GetVariable("w", new long[] { 1 });
        }

        sealed class NoStore : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input.Relu();
        }
        """,
        VerifyTracking.Diagnostic().WithLocation(0).WithArguments("Forward", "GetVariable"),
        VerifyTracking.Diagnostic().WithLocation(1).WithArguments("Forward", "GetVariable"));

    [Test]
    public Task UserStoreMethodAndConstructor_AreReported_ButUnmarkedLookAlike_IsNot() => VerifyTracking.VerifyAnalyzerAsync("""
        using Parity;
        using Parity.Torch;

        sealed class Slot
        {
            [RequiresVariableStore]
            public Slot() { }
        }

        static class Store
        {
            [RequiresVariableStore]
            public static Tensor Fetch(string name) => Tensor.Zeros(1);

            public static Tensor GetVariable(string name, long[] shape) => Tensor.Zeros(shape);
        }

        sealed class UsesHelper : Module<Tensor, Tensor>
        {
            protected override Tensor {|#0:Forward|}(Tensor input) => input * Store.Fetch("w");
        }

        sealed class UsesConstructor : Module<Tensor, Tensor>
        {
            protected override Tensor {|#1:Forward|}(Tensor input)
            {
                Slot slot = new();
                return input;
            }
        }

        sealed class LookAlike : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input * Store.GetVariable("w", new long[] { 1 });
        }
        """,
        VerifyTracking.Diagnostic().WithLocation(0).WithArguments("Forward", "Fetch"),
        VerifyTracking.Diagnostic().WithLocation(1).WithArguments("Forward", "Slot"));

    #endregion
}
