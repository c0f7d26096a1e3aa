using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Tests.Verification;

namespace Parity.Analyzers.Tests.Documentation;

/// <summary>
/// Every rule has a page in docs/rules whose title, severity and category match its descriptor, every
/// page belongs to a rule, and each page's wrong example is reported while its right example is clean.
/// </summary>
[TestFixture]
public sealed class RuleDocumentationTests
{
    private static readonly string RulesDirectory = Path.Combine(TestContext.CurrentContext.TestDirectory, "Rules");

    private static readonly HashSet<string> FixableIds = typeof(ParityCodeFixProvider).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
        .ToHashSet();

    // One descriptor per id: a rule's variant messages (PAR1002 for dropout and normalization) share its page.
    private static IEnumerable<DiagnosticDescriptor> Descriptors() => AnalysisRunner.AllDescriptors.GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal);

    private static IEnumerable<string> Pages() => Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Rules"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    [Test]
    public void EveryRuleIdIsCatalogued()
        => Assert.That(Descriptors().Select(d => d.Id), Is.EqualTo(new[] { "PAR1001", "PAR1002", "PAR1003", "PAR1004", "PAR2001", "PAR2002", "PAR2003", "PAR3001", "PAR3002", "PAR3003", "PAR3004", "PAR3005" }));

    [TestCaseSource(nameof(Descriptors))]
    public void DescriptorHasAMatchingPage(DiagnosticDescriptor descriptor)
    {
        var path = Path.Combine(RulesDirectory, descriptor.Id + ".md");
        Assert.That(path, Does.Exist, $"docs/rules/{descriptor.Id}.md is missing");
        var text = File.ReadAllText(path);
        Assert.Multiple(() =>
        {
            Assert.That(text.Split('\n')[0], Is.EqualTo($"# {descriptor.Id}: {descriptor.Title}"));
            Assert.That(TableValue(text, "Severity"), Is.EqualTo(descriptor.DefaultSeverity.ToString()));
            Assert.That(TableValue(text, "Category"), Is.EqualTo(descriptor.Category));
            Assert.That(TableValue(text, "Id"), Is.EqualTo(descriptor.Id));
            Assert.That(descriptor.HelpLinkUri, Does.EndWith($"docs/rules/{descriptor.Id}.md"));
            Assert.That(text, Does.Contain($"dotnet_diagnostic.{descriptor.Id}.severity"));
            Assert.That(TableValue(text, "Code fix")?.StartsWith("Yes", StringComparison.Ordinal), Is.EqualTo(FixableIds.Contains(descriptor.Id)), "the 'Code fix' row must say whether a fix exists");
        });
    }

    [TestCaseSource(nameof(Pages))]
    public void PageHasADescriptor(string page)
        => Assert.That(Descriptors().Select(d => d.Id), Does.Contain(page), $"docs/rules/{page}.md documents no rule");

    [TestCaseSource(nameof(Descriptors))]
    public async Task WrongExampleIsReported_RightExampleIsClean(DiagnosticDescriptor descriptor)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RulesDirectory, descriptor.Id + ".md"));
        var wrong = await DiagnosticsOf(Example(text, "Wrong"));
        var right = await DiagnosticsOf(Example(text, "Right"));
        Assert.Multiple(() =>
        {
            Assert.That(wrong.Select(d => d.Id), Does.Contain(descriptor.Id), "the wrong example is not reported");
            Assert.That(right.Select(d => $"{d.Id}: {d.GetMessage()}"), Is.Empty, "the right example is reported");
        });
    }

    // A rule about both kinds of module shows the TorchSharp case in its own pair of examples.
    [TestCase("PAR1001")]
    public async Task TorchSharpExamples_WrongIsReported_RightIsClean(string id)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RulesDirectory, id + ".md"));
        var wrong = await DiagnosticsOf(Example(text, "Wrong (TorchSharp)"));
        var right = await DiagnosticsOf(Example(text, "Right (TorchSharp)"));
        Assert.Multiple(() =>
        {
            Assert.That(wrong.Select(d => d.Id), Does.Contain(id), "the wrong TorchSharp example is not reported");
            Assert.That(right.Select(d => $"{d.Id}: {d.GetMessage()}"), Is.Empty, "the right TorchSharp example is reported");
        });
    }

    private static async Task<IReadOnlyList<Diagnostic>> DiagnosticsOf(string source)
    {
        var compilation = AnalysisRunner.Compile([("Example.cs", source)]);
        Assert.That(AnalysisRunner.Errors(compilation).Select(e => e.ToString()), Is.Empty, "the example must compile:" + Environment.NewLine + source);
        return await AnalysisRunner.AnalyzeAsync(compilation, AnalysisRunner.AllAnalyzers);
    }

    private static string Example(string page, string section)
    {
        var match = Regex.Match(page, $"## {Regex.Escape(section)}\\n\\n```csharp\\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.That(match.Success, $"the page has no '## {section}' section with a csharp block");
        return match.Groups["code"].Value;
    }

    private static string? TableValue(string page, string property)
    {
        var match = Regex.Match(page, $"^\\| {property} \\| (?<value>[^|]+) \\|$", RegexOptions.Multiline);
        return match.Success ? match.Groups["value"].Value.Trim() : null;
    }
}
