using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Parity.Testing;
using TorchSharp;

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
    /// Plain TorchSharp pairs, analyzed against the real TorchSharp assembly and judged at run time by
    /// <see cref="ModuleCheck"/> (step 1 for plain TorchSharp modules). PAR3003 is judged by the analyzer
    /// alone: a module or parameter in an auto-property is registered, under its backing field's name,
    /// and what goes wrong (<c>to()</c> on a get-only <c>Parameter</c> property) is not a run-time check.
    /// </summary>
    [TestCaseSource(nameof(TorchSharpPairs))]
    public async Task AnalyzerAndModuleCheckAgreeOnTorchSharpPairs(string file, string id)
    {
        var diagnostics = await AnalyzerVerdict.DiagnosticsByClass(file);
        var broken = diagnostics.Keys.Single(name => name.StartsWith("Broken", StringComparison.Ordinal));
        var fixedTwin = diagnostics.Keys.Single(name => name.StartsWith("Fixed", StringComparison.Ordinal));
        using var input = torch.ones(2, 4);
        var brokenReport = ModuleCheck.Run(TorchSharpModule(broken), input);
        var fixedReport = ModuleCheck.Run(TorchSharpModule(fixedTwin), input);

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[broken], Does.Contain(id), $"the analyzer on {broken}");
            Assert.That(diagnostics[fixedTwin], Is.Empty, $"the analyzer on {fixedTwin}");
            Assert.That(fixedReport.IsSound, Is.True, $"the check on {fixedTwin}: {fixedReport}");
            if (id != "PAR3003")
            {
                Assert.That(brokenReport.IsSound, Is.False, $"the check on {broken}: {brokenReport}");
            }
        });
    }

    private static torch.nn.Module<torch.Tensor, torch.Tensor> TorchSharpModule(string className) =>
        (torch.nn.Module<torch.Tensor, torch.Tensor>)Activator.CreateInstance(
            typeof(Parity.Samples.BrokenLayers.BrokenScalingLayer).Assembly.GetType($"Parity.Samples.BrokenLayers.TorchSharpShaped.{className}", throwOnError: true)!)!;

    private static Type LayerType(string className) =>
        typeof(Parity.Samples.BrokenLayers.BrokenScalingLayer).Assembly.GetType($"Parity.Samples.BrokenLayers.{className}", throwOnError: true)!;
}
