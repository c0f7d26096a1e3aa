using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>Verifies one analyzer: <c>using VerifyCS = AnalyzerVerifier&lt;MyAnalyzer&gt;;</c>.</summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic of the analyzer's only rule.</summary>
    public static DiagnosticResult Diagnostic() => DiagnosticResult.Create(new TAnalyzer().SupportedDiagnostics.Single().Id);

    /// <summary>An expected diagnostic with <paramref name="id"/>.</summary>
    public static DiagnosticResult Diagnostic(string id) => DiagnosticResult.Create(id);

    /// <summary>Checks that <paramref name="source"/> yields exactly the marked and the <paramref name="expected"/> diagnostics.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new VerifierTest(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()));
        test.Sources.Add(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
