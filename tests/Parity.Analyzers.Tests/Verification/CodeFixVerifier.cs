using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>Verifies an analyzer with its code fix: <c>using VerifyCS = CodeFixVerifier&lt;MyAnalyzer, MyFix&gt;;</c>.</summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
/// <typeparam name="TCodeFix">The code fix under test.</typeparam>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expected diagnostic of the analyzer's only rule.</summary>
    public static DiagnosticResult Diagnostic() => DiagnosticResult.Create(new TAnalyzer().SupportedDiagnostics.Single().Id);

    /// <summary>An expected diagnostic with <paramref name="id"/>.</summary>
    public static DiagnosticResult Diagnostic(string id) => DiagnosticResult.Create(id);

    /// <summary>A test to configure further (several files, a chosen code action, iteration counts).</summary>
    public static VerifierTest Test() => new(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), new TCodeFix());

    /// <summary>Checks that <paramref name="source"/> yields exactly the marked and the <paramref name="expected"/> diagnostics.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Test();
        test.Sources.Add(source);
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
        test.Sources.Add(source);
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedSources.Add(fixedSource);
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync();
    }
}
