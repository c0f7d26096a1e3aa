using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Parity.Analyzers.Package.Tests.Infrastructure;

namespace Parity.Analyzers.Package.Tests.Consumption;

/// <summary>
/// Opens the consumer project the way an IDE does (MSBuildWorkspace over the restored project) and
/// runs the analyzers it finds there; the IDE must agree with the command-line build.
/// </summary>
[Category("Integration")]
public sealed class IdeWorkspaceTests
{
    private MSBuildWorkspace _workspace = null!;
    private Project _project = null!;

    [OneTimeSetUp]
    public async Task OpenProject()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }

        _workspace = MSBuildWorkspace.Create(new Dictionary<string, string> { ["Configuration"] = "Release" });
        _project = await _workspace.OpenProjectAsync(ConsumerBuilds.Project.ProjectFile);
        var failures = _workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure).ToList();
        Assert.That(failures, Is.Empty, "MSBuildWorkspace could not load the consumer project:\n" + string.Join("\n", failures));
    }

    [OneTimeTearDown]
    public void Close() => _workspace?.Dispose();

    [Test]
    public void Analyzers_come_from_the_restored_package()
    {
        var paths = _project.AnalyzerReferences.Select(reference => reference.FullPath ?? "").ToList();

        Assert.That(
            paths,
            Has.Some.EndsWith(Path.Combine("parity.analyzers", ConsumerBuilds.PackageVersion.ToLowerInvariant(), "analyzers", "dotnet", "cs", "Parity.Analyzers.dll")));
    }

    [Test]
    public async Task Ide_reports_what_the_command_line_build_reports()
    {
        var inIde = await AnalyzeAsync(_project);

        Assert.Multiple(() =>
        {
            Assert.That(inIde, Is.EqualTo(ReportedDiagnostic.FromBuildOutput(ConsumerBuilds.WithEscalation.Lines)));
            Assert.That(inIde, Is.EqualTo(ConsumerBuilds.ExpectedWithEscalation.Where(d => d.Severity != "none")));
        });
    }

    [Test]
    public async Task Without_the_editorconfig_every_marked_line_is_a_default_warning()
    {
        var editorconfig = _project.AnalyzerConfigDocuments.Single(document => Path.GetFileName(document.FilePath) == ".editorconfig");
        var unconfigured = _project.RemoveAnalyzerConfigDocument(editorconfig.Id);
        var expected = ConsumerBuilds.ExpectedWithEscalation.Select(d => d with { Severity = "warning" });

        Assert.That(await AnalyzeAsync(unconfigured), Is.EqualTo(expected));
    }

    [Test]
    public async Task Each_reported_diagnostic_gets_a_code_fix_from_the_package_that_removes_it()
    {
        var providers = PackagedCodeFixes(_project);
        var diagnostics = await ParityDiagnosticsAsync(_project);
        Assert.That(diagnostics, Is.Not.Empty);

        foreach (var diagnostic in diagnostics)
        {
            var document = _project.GetDocument(diagnostic.Location.SourceTree!)!;
            var actions = new List<CodeAction>();
            foreach (var provider in providers.Where(provider => provider.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            }

            Assert.That(actions, Is.Not.Empty, $"The package offers no code fix for {diagnostic}");
            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            var fixedProject = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(_project.Id)!;
            Assert.That(
                Count(await ParityDiagnosticsAsync(fixedProject), diagnostic),
                Is.LessThan(Count(diagnostics, diagnostic)),
                $"'{actions[0].Title}' did not remove {diagnostic}");
        }
    }

    // The IDE finds code fixes in the same analyzer assemblies the package put under analyzers/dotnet/cs.
    private static IReadOnlyList<CodeFixProvider> PackagedCodeFixes(Project project) =>
        project.AnalyzerReferences.OfType<AnalyzerFileReference>()
            .SelectMany(reference => reference.GetAssembly().GetTypes())
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .Select(type => (CodeFixProvider)System.Activator.CreateInstance(type)!)
            .ToList();

    private static int Count(IEnumerable<Diagnostic> diagnostics, Diagnostic like) =>
        diagnostics.Count(d => d.Id == like.Id && d.Location.SourceTree!.FilePath == like.Location.SourceTree!.FilePath);

    private static async Task<IReadOnlyList<ReportedDiagnostic>> AnalyzeAsync(Project project) =>
        (await ParityDiagnosticsAsync(project))
            .Select(d => new ReportedDiagnostic(
                Path.GetFileName(d.Location.SourceTree!.FilePath),
                d.Location.GetLineSpan().StartLinePosition.Line + 1,
                d.Severity.ToString().ToLowerInvariant(),
                d.Id))
            .Distinct()
            .Order()
            .ToList();

    // What the IDE shows as squiggles: the package's analyzers with the project's own options.
    private static async Task<IReadOnlyList<Diagnostic>> ParityDiagnosticsAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync() ?? throw new AssertionException($"{project.Name} produced no compilation.");
        var analyzers = project.AnalyzerReferences
            .SelectMany(reference => reference.GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
        var diagnostics = await compilation
            .WithAnalyzers(analyzers, project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Where(d => d.Id.StartsWith("PAR", System.StringComparison.Ordinal) && d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error)
            .ToList();
    }
}
