using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Parity.Analyzers.Tests.Verification;

namespace Parity.Analyzers.Tests.CorrectCode;

/// <summary>
/// Realistic, correct modules in every style (Corpus/): together they must compile and no analyzer may
/// report anything. Add code that is meant to be right (samples included) to Corpus/ and it is checked.
/// </summary>
[TestFixture]
public sealed class CorrectCodeCorpusTests
{
    private static IEnumerable<string> Files() => TestReferences.ResourceNames("Corpus/");

    [Test]
    public void CorpusCoversEveryStyle()
        => Assert.That(Files().Select(f => f.Split('/')[1]).Distinct(), Is.SupersetOf(new[] { "ParityCompat", "ParityNative", "TorchSharp" }));

    [Test]
    public async Task CorpusCompiles_AndNoAnalyzerReportsAnything()
    {
        var compilation = AnalysisRunner.Compile(Files().Select(f => (f, TestReferences.ReadResource(f))));
        Assert.That(AnalysisRunner.Errors(compilation).Select(e => e.ToString()), Is.Empty);
        var diagnostics = await AnalysisRunner.AnalyzeAsync(compilation, AnalysisRunner.AllAnalyzers);
        Assert.That(diagnostics.Select(d => d.ToString()), Is.Empty, "correct code must yield no diagnostic");
    }

    [Test]
    public async Task CorpusWithAForwardPassMistake_IsReported()
    {
        // The corpus test above could pass by analyzing nothing; the same code with one per-call creation must be caught.
        var files = Files().Select(f => (f, TestReferences.ReadResource(f))).ToList();
        var index = files.FindIndex(f => f.f.EndsWith("NativeClassifier.cs", StringComparison.Ordinal));
        var broken = files[index].Item2.Replace("_logits ??= new Dense(_classes, name: \"logits\");", "_logits = new Dense(_classes, name: \"logits\");", StringComparison.Ordinal);
        Assert.That(broken, Is.Not.EqualTo(files[index].Item2));
        files[index] = (files[index].f, broken);
        var diagnostics = await AnalysisRunner.AnalyzeAsync(AnalysisRunner.Compile(files), AnalysisRunner.AllAnalyzers);
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "PAR1002" }));
    }
}
