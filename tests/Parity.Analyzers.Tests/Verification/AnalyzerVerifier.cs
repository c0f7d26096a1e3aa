using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>Verifies one analyzer with the standard test library: <c>using VerifyCS = AnalyzerVerifier&lt;MyAnalyzer&gt;;</c>.</summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic of the analyzer's main rule (its first descriptor).</summary>
    public static DiagnosticResult Diagnostic() => new(new TAnalyzer().SupportedDiagnostics[0]);

    /// <summary>An expected diagnostic of <paramref name="descriptor"/> (a rule's variant message).</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>An expected diagnostic with <paramref name="id"/>.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>A test to configure further (several files, several projects).</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Test()
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

    // Markup without an id ([|...|]) means the analyzer's main rule, also when it has a variant descriptor.
    private sealed class MainRuleTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => analyzers[0].SupportedDiagnostics[0];
    }
}
