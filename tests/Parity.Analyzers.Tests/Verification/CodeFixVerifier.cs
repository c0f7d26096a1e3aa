using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>
/// Verifies an analyzer with its code fix through the standard test library, which applies the fix one
/// diagnostic at a time and as Fix All in document, project and solution scope, and checks that the fixed
/// code compiles: <c>using VerifyCS = CodeFixVerifier&lt;MyAnalyzer, MyFix&gt;;</c>.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
/// <typeparam name="TCodeFix">The code fix under test.</typeparam>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expected diagnostic of the analyzer's main rule (its first descriptor).</summary>
    public static DiagnosticResult Diagnostic() => new(new TAnalyzer().SupportedDiagnostics[0]);

    /// <summary>An expected diagnostic of <paramref name="descriptor"/> (a rule's variant message).</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>An expected diagnostic with <paramref name="id"/>.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>A test to configure further (several files or projects, a chosen code action, iteration counts).</summary>
    public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> Test()
    {
        var test = new MainRuleTest();
        ParityTestSetup.Configure(test);
        return test;
    }

    /// <summary>Checks that <paramref name="source"/> yields exactly the marked and the <paramref name="expected"/> diagnostics.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Test();
        test.TestCode = source;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks the marked diagnostics of <paramref name="source"/> and that fixing them (one by one and with Fix All) gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null)
        => VerifyCodeFixAsync(source, [], fixedSource, equivalenceKey);

    /// <summary>As <see cref="VerifyCodeFixAsync(string, string, string?)"/>, with diagnostics expected besides the marked ones.</summary>
    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource, string? equivalenceKey = null)
    {
        var test = Test();
        test.TestCode = source;
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedCode = fixedSource;
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync();
    }

    // Markup without an id ([|...|]) means the analyzer's main rule, also when it has a variant descriptor.
    private sealed class MainRuleTest : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => analyzers[0].SupportedDiagnostics[0];
    }
}
