using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Analyzers.Package.Tests.Robustness;

/// <summary>
/// Analyzers run on every keystroke in an IDE, so they see broken code far more often than finished
/// code. None of them may throw (AD0001) on it.
/// </summary>
public sealed class AnalyzerRobustnessTests
{
    private const int MutationCount = 2000;

    [Test]
    public void Analyzers_are_loaded()
    {
        Assert.That(AnalyzerRun.Analyzers, Is.Not.Empty, "Parity.Analyzers exports no [DiagnosticAnalyzer] type.");
    }

    [Test]
    public void A_crashing_analyzer_is_reported()
    {
        var file = MutationCorpus.Own[0];

        var outcome = AnalyzerRun.Analyze(file.Text, file.Path, ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));

        Assert.That(outcome.AnalyzerExceptions, Has.Some.Contains("deliberate"));
    }

    [TestCaseSource(typeof(MutationCorpus), nameof(MutationCorpus.Own))]
    public void Corpus_file_compiles_and_is_analyzed_cleanly(CorpusFile file)
    {
        Assert.Multiple(() =>
        {
            Assert.That(AnalyzerRun.CompilerErrors(file.Text, file.Path), Is.Empty, "the unmutated corpus must be valid code");
            Assert.That(AnalyzerRun.Analyze(file.Text, file.Path).AnalyzerExceptions, Is.Empty);
        });
    }

    [Test]
    public void Corpus_exercises_the_analyzers()
    {
        // Mutations of code no analyzer reacts to would prove nothing.
        var reported = MutationCorpus.Own.SelectMany(file => AnalyzerRun.Analyze(file.Text, file.Path).ParityDiagnostics).ToList();

        Assert.That(reported, Is.Not.Empty);
    }

    [Test]
    public void Seeded_mutations_raise_no_analyzer_exception()
    {
        var corpus = MutationCorpus.All;
        Assert.That(corpus, Has.Count.GreaterThan(MutationCorpus.Own.Count), "the shared analyzer corpus or the samples were not found");

        // Each mutation is its own compilation, so they run side by side; the report names the lowest failing seed.
        var failures = new ConcurrentDictionary<int, string>();
        Parallel.For(0, MutationCount, seed =>
        {
            var file = corpus[seed % corpus.Count];
            var mutation = SourceMutator.Mutate(file.Text, seed);
            var outcome = AnalyzerRun.Analyze(mutation.Text, file.Path);
            if (outcome.AnalyzerExceptions.Count > 0)
            {
                failures[seed] =
                    $"Mutation seed {seed} of {file.Path} ({string.Join(", ", mutation.Operations)}) made an analyzer throw:\n"
                    + string.Join("\n", outcome.AnalyzerExceptions)
                    + $"\n--- mutated source ---\n{mutation.Text}";
            }
        });

        if (!failures.IsEmpty)
        {
            Assert.Fail($"{failures.Count} of {MutationCount} mutations made an analyzer throw. The first:\n{failures[failures.Keys.Min()]}");
        }
    }
}
