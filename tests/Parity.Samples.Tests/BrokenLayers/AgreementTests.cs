using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Parity.Samples.Tests.BrokenLayers;

/// <summary>
/// What the squiggle says, the runtime confirms: for every broken/fixed pair in samples/BrokenLayers,
/// the analyzer reports the file's diagnostic on the broken layer and nothing on the fixed one, and
/// the runtime finds the broken layer misbehaving and the fixed one sound.
/// </summary>
[TestFixture]
public sealed class AgreementTests
{
    private static readonly string SourceFolder = Path.Combine(TestContext.CurrentContext.TestDirectory, "BrokenLayersSources");

    public static IEnumerable<TestCaseData> Pairs()
    {
        foreach (var file in Directory.GetFiles(SourceFolder, "PAR*.cs").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            yield return new TestCaseData(file, name[..7]).SetName(name);
        }
    }

    [Test]
    public void EveryRuntimeRuleHasAPair()
    {
        var ids = Directory.GetFiles(SourceFolder, "PAR*.cs").Select(file => Path.GetFileName(file)[..7]);
        Assert.That(ids, Is.SupersetOf(new[] { "PAR1001", "PAR1002", "PAR1003", "PAR1004", "PAR2001", "PAR2002", "PAR2003" }));
    }

    [TestCaseSource(nameof(Pairs))]
    public async Task AnalyzerAndRuntimeAgree(string file, string id)
    {
        var diagnostics = await AnalyzerVerdict.DiagnosticsByClass(file);
        var broken = diagnostics.Keys.Single(name => name.StartsWith("Broken", StringComparison.Ordinal));
        var fixedTwin = diagnostics.Keys.Single(name => name.StartsWith("Fixed", StringComparison.Ordinal));

        var (brokenMisbehaves, brokenHow) = RuntimeVerdict.Judge(LayerType(broken));
        var (fixedMisbehaves, fixedHow) = RuntimeVerdict.Judge(LayerType(fixedTwin));

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[broken], Does.Contain(id), $"the analyzer on {broken}");
            Assert.That(diagnostics[fixedTwin], Is.Empty, $"the analyzer on {fixedTwin}");
            Assert.That(brokenMisbehaves, Is.EqualTo(diagnostics[broken].Contains(id)), $"runtime on {broken}: {brokenHow}");
            Assert.That(fixedMisbehaves, Is.EqualTo(diagnostics[fixedTwin].Contains(id)), $"runtime on {fixedTwin}: {fixedHow}");
        });
    }

    public static IEnumerable<TestCaseData> TorchSharpPairs()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(SourceFolder, "TorchSharp"), "PAR*.cs").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            yield return new TestCaseData(file, name[..7]).SetName("TorchSharp_" + name);
        }
    }

    /// <summary>
    /// TorchSharp-shaped pairs: TorchSharp cannot run here (the reachable registry does not serve it), so
    /// only the analyzer's side is checked, against the analyzer tests' stub of TorchSharp's API.
    /// </summary>
    [TestCaseSource(nameof(TorchSharpPairs))]
    public async Task AnalyzerFlagsOnlyTheBrokenTorchSharpTwin(string file, string id)
    {
        var diagnostics = await AnalyzerVerdict.DiagnosticsByClass(file, Path.Combine(SourceFolder, "TorchSharp", "Stub", "TorchSharpApi.cs"));
        var broken = diagnostics.Keys.Single(name => name.StartsWith("Broken", StringComparison.Ordinal));
        var fixedTwin = diagnostics.Keys.Single(name => name.StartsWith("Fixed", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[broken], Does.Contain(id), $"the analyzer on {broken}");
            Assert.That(diagnostics[fixedTwin], Is.Empty, $"the analyzer on {fixedTwin}");
        });
    }

    private static Type LayerType(string className) =>
        typeof(Parity.Samples.BrokenLayers.BrokenScalingLayer).Assembly.GetType($"Parity.Samples.BrokenLayers.{className}", throwOnError: true)!;
}
