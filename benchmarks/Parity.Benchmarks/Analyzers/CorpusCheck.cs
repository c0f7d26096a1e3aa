using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// Refuses to time a corpus that does not compile (a compiler that stops at errors does less work)
/// or on which the analyzers report nothing (then they were not exercised).
/// </summary>
internal static class CorpusCheck
{
    public static void EnsureMeaningful(CorpusCompilation corpus)
    {
        var diagnostics = corpus.Analyze(CorpusCompilation.ParityAnalyzers);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                "The generated corpus does not compile against the current runtime; update ModuleCorpus to the API:\n"
                + string.Join("\n", errors));
        }

        if (!diagnostics.Any(d => d.Id.StartsWith("PAR", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                "Parity's analyzers reported nothing on the corpus's deliberate mistakes; the benchmark would not exercise them.");
        }
    }
}
