using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>Verifies one analyzer with the standard test library: <c>using VerifyCS = AnalyzerVerifier&lt;MyAnalyzer&gt;;</c>.</summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic of the analyzer's only rule.</summary>
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    /// <summary>An expected diagnostic with <paramref name="id"/>.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>A test to configure further (several files, several projects).</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Test()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
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
}
