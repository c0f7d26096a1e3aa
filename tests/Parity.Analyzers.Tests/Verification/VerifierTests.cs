using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.VariableCreation;
using VerifyCS = Parity.Analyzers.Tests.Verification.AnalyzerVerifier<Parity.Analyzers.VariableCreation.VariableCreationAnalyzer>;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>The verifier must fail when it should; a verifier that cannot fail makes every test above it worthless.</summary>
[TestFixture]
public sealed class VerifierTests
{
    private const string Reported = """
        using Parity;
        using Parity.Torch;

        sealed class Scale : Module<Tensor, Tensor>
        {
            protected override Tensor Forward(Tensor input) => input * new Variable("s", Tensor.Ones(1));
        }
        """;

    [Test]
    public void MissingExpectation_FailsWithPasteReadyDiagnostic()
    {
        var failure = Assert.ThrowsAsync<AssertionException>(() => VerifyCS.VerifyAnalyzerAsync(Reported));
        Assert.That(failure!.Message, Does.Contain("VerifyCS.Diagnostic(\"PAR1001\").WithSpan(6, 64, 6, 97).WithArguments(\"Variable\", \"Forward\")"));
    }

    [Test]
    public void WrongSpan_Fails()
        => Assert.ThrowsAsync<AssertionException>(() => VerifyCS.VerifyAnalyzerAsync(Reported, VerifyCS.Diagnostic().WithSpan(6, 63, 6, 97)));

    [Test]
    public void WrongArguments_Fail()
        => Assert.ThrowsAsync<AssertionException>(() => VerifyCS.VerifyAnalyzerAsync(Reported, VerifyCS.Diagnostic().WithSpan(6, 64, 6, 97).WithArguments("Variable", "Call")));

    [Test]
    public Task ExactExpectation_Passes()
        => VerifyCS.VerifyAnalyzerAsync(Reported, VerifyCS.Diagnostic().WithSpan(6, 64, 6, 97).WithArguments("Variable", "Forward"));

    [Test]
    public void UnexpectedCompilerError_Fails()
    {
        var failure = Assert.ThrowsAsync<AssertionException>(() => VerifyCS.VerifyAnalyzerAsync("class C { int M() => missing; }"));
        Assert.That(failure!.Message, Does.Contain("DiagnosticResult.CompilerError(\"CS0103\").WithSpan(1, 22, 1, 29)"));
    }

    [Test]
    public Task MarkedCompilerError_Passes() => VerifyCS.VerifyAnalyzerAsync("class C { int M() => {|CS0103:missing|}; }");

    [Test]
    public void ThrowingAnalyzer_FailsAsAD0001()
    {
        var test = new VerifierTest(ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
        test.Sources.Add("class C { }");
        var failure = Assert.ThrowsAsync<AssertionException>(() => test.RunAsync());
        Assert.That(failure!.Message, Does.Contain("AD0001").And.Contain("deliberate"));
    }

    [Test]
    public void FixThatBreaksTheBuild_Fails()
    {
        var test = new VerifierTest(ImmutableArray.Create<DiagnosticAnalyzer>(new VariableCreationAnalyzer()), new BreakingFix());
        test.Sources.Add(Reported.Replace("new Variable(\"s\", Tensor.Ones(1))", "[|new Variable(\"s\", Tensor.Ones(1))|]", StringComparison.Ordinal));
        test.FixedSources.Add(Reported.Replace("new Variable(\"s\", Tensor.Ones(1))", "{|CS0103:undefined|}", StringComparison.Ordinal));
        Assert.That(() => test.RunAsync(), Throws.Nothing, "the fixed source marks the error it expects");

        var strict = new VerifierTest(ImmutableArray.Create<DiagnosticAnalyzer>(new VariableCreationAnalyzer()), new BreakingFix());
        strict.Sources.Add(test.Sources[0]);
        strict.FixedSources.Add(Reported.Replace("new Variable(\"s\", Tensor.Ones(1))", "undefined", StringComparison.Ordinal));
        var failure = Assert.ThrowsAsync<AssertionException>(() => strict.RunAsync());
        Assert.That(failure!.Message, Does.Contain("CS0103"));
    }

    [Test]
    public void FixThatLeavesTheDiagnostic_Fails()
    {
        var marked = Reported.Replace("new Variable(\"s\", Tensor.Ones(1))", "[|new Variable(\"s\", Tensor.Ones(1))|]", StringComparison.Ordinal);
        var test = new VerifierTest(ImmutableArray.Create<DiagnosticAnalyzer>(new VariableCreationAnalyzer()), new IdleFix());
        test.Sources.Add(marked);
        test.FixedSources.Add(marked);
        var failure = Assert.ThrowsAsync<AssertionException>(() => test.RunAsync());
        Assert.That(failure!.Message, Does.Contain("still offers 'do nothing'"));
    }

    [Test]
    public void FixedSourceThatDiffers_FailsWithTheActualTextToPaste()
    {
        var test = new VerifierTest(ImmutableArray.Create<DiagnosticAnalyzer>(new VariableCreationAnalyzer()), new BreakingFix());
        test.Sources.Add(Reported.Replace("new Variable(\"s\", Tensor.Ones(1))", "[|new Variable(\"s\", Tensor.Ones(1))|]", StringComparison.Ordinal));
        test.FixedSources.Add(Reported.Replace("new Variable(\"s\", Tensor.Ones(1))", "{|CS0103:other|}", StringComparison.Ordinal));
        var failure = Assert.ThrowsAsync<AssertionException>(() => test.RunAsync());
        Assert.That(failure!.Message, Does.Contain("First difference at line 6").And.Contain("input * undefined;"));
    }

    [Test]
    public void Markup_GivesOneBasedSpansAndStripsMarkers()
    {
        var (source, spans) = TestMarkup.Parse("a\n b[|cd|]{|#0:e|}", "Test0.cs");
        Assert.Multiple(() =>
        {
            Assert.That(source, Is.EqualTo("a\n bcde"));
            Assert.That(spans, Has.Count.EqualTo(2));
            Assert.That(spans[0], Is.EqualTo(new MarkedSpan(null, "Test0.cs", 2, 3, 2, 5)));
            Assert.That(spans[1].LocationIndex, Is.EqualTo(0));
        });
    }

    [Test]
    public void UnbalancedMarkup_IsRejected() => Assert.Throws<FormatException>(() => TestMarkup.Parse("a [|b", "Test0.cs"));

    /// <summary>Replaces the diagnosed creation with a name that does not exist.</summary>
    private sealed class BreakingFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("PAR1001");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
            var node = root.FindNode(context.Span, getInnermostNodeForTie: true);
            context.RegisterCodeFix(
                CodeAction.Create("break", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, SyntaxFactory.IdentifierName("undefined").WithTriviaFrom(node)))), "break"),
                context.Diagnostics);
        }
    }

    /// <summary>Offers a fix that changes nothing, so the diagnostic it claims to fix stays.</summary>
    private sealed class IdleFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("PAR1001");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            context.RegisterCodeFix(CodeAction.Create("do nothing", _ => Task.FromResult(context.Document), "idle"), context.Diagnostics);
            return Task.CompletedTask;
        }
    }

    // Not registered with [DiagnosticAnalyzer]: it exists only to be handed to the verifier directly.
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("deliberate"));
        }
    }
}
