using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>
/// One analyzer (and optionally code-fix) test: sources in markup, the diagnostics expected there, and,
/// for a fix, the fixed sources. <see cref="RunAsync"/> checks the diagnostics, applies the fix one
/// diagnostic at a time, then runs Fix All in document, project and solution scope, and checks that every
/// result equals the fixed sources and compiles.
/// </summary>
public sealed class VerifierTest
{
    private const string DefaultPath = "Test0.cs";

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly CodeFixProvider? _codeFix;

    /// <summary>Creates a test of <paramref name="analyzers"/>, and of <paramref name="codeFix"/> when given.</summary>
    public VerifierTest(ImmutableArray<DiagnosticAnalyzer> analyzers, CodeFixProvider? codeFix = null)
    {
        _analyzers = analyzers;
        _codeFix = codeFix;
    }

    /// <summary>Source files in markup; the first is <c>Test0.cs</c>, the next <c>Test1.cs</c>, ...</summary>
    public List<string> Sources { get; } = [];

    /// <summary>Sources of a second project in the same solution (<c>Second0.cs</c>, ...), for solution-wide Fix All.</summary>
    public List<string> SecondProjectSources { get; } = [];

    /// <summary>Diagnostics expected besides those marked in the sources.</summary>
    public List<DiagnosticResult> ExpectedDiagnostics { get; } = [];

    /// <summary>The sources after the fix, in markup (marked diagnostics are expected to remain).</summary>
    public List<string> FixedSources { get; } = [];

    /// <summary>The second project's sources after the fix.</summary>
    public List<string> SecondProjectFixedSources { get; } = [];

    /// <summary>Diagnostics expected to remain after the fix besides those marked in the fixed sources.</summary>
    public List<DiagnosticResult> FixedExpectedDiagnostics { get; } = [];

    /// <summary>Picks the code action by equivalence key; null picks by <see cref="CodeActionIndex"/>.</summary>
    public string? CodeActionEquivalenceKey { get; set; }

    /// <summary>Picks the n-th code action offered for a diagnostic when no equivalence key is given.</summary>
    public int CodeActionIndex { get; set; }

    /// <summary>How many one-at-a-time fixes may run; null allows one per fixable diagnostic in the sources.</summary>
    public int? NumberOfIncrementalIterations { get; set; }

    /// <summary>How many Fix All passes may run per document, project or solution (one means each Fix All must finish its scope at once).</summary>
    public int NumberOfFixAllIterations { get; set; } = 1;

    /// <summary>Runs every check; a failure is reported with paste-ready expectations.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var (solution, expected) = Prepare(Sources, SecondProjectSources, ExpectedDiagnostics);
        DiagnosticComparison.AssertMatch("Sources", expected, await DiagnosticsAsync(solution, cancellationToken), DefaultPath);

        if (FixedSources.Count == 0 && SecondProjectFixedSources.Count == 0)
        {
            return;
        }

        if (_codeFix is null)
        {
            throw new InvalidOperationException("Fixed sources are given but the test has no code fix provider.");
        }

        var (fixedSolution, fixedExpected) = Prepare(FixedSources, SecondProjectFixedSources, FixedExpectedDiagnostics);
        DiagnosticComparison.AssertMatch("Fixed sources (as written in the test)", fixedExpected, await DiagnosticsAsync(fixedSolution, cancellationToken), DefaultPath);

        var fixableCount = 0;
        foreach (var project in solution.Projects)
        {
            fixableCount += (await AnalyzerDiagnosticsAsync(project, cancellationToken)).Count(IsFixable);
        }

        var incremental = await FixIncrementallyAsync(solution, NumberOfIncrementalIterations ?? fixableCount, cancellationToken);
        await AssertFixedAsync("After fixing one diagnostic at a time", incremental, fixedSolution, fixedExpected, cancellationToken);

        foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
        {
            var units = scope switch
            {
                FixAllScope.Document => solution.Projects.Sum(p => p.DocumentIds.Count),
                FixAllScope.Project => solution.ProjectIds.Count,
                _ => 1,
            };
            var fixedAll = await FixAllAsync(solution, scope, NumberOfFixAllIterations * units, cancellationToken);
            await AssertFixedAsync($"After Fix All in {scope} scope", fixedAll, fixedSolution, fixedExpected, cancellationToken);
        }
    }

    private (Solution Solution, List<DiagnosticResult> Expected) Prepare(List<string> primary, List<string> second, List<DiagnosticResult> extra)
    {
        var solution = new AdhocWorkspace().CurrentSolution;
        var spans = new List<MarkedSpan>();
        solution = AddProject(solution, "TestProject", "Test", primary, spans);
        if (second.Count > 0)
        {
            solution = AddProject(solution, "SecondProject", "Second", second, spans);
        }

        var expected = new List<DiagnosticResult>();
        foreach (var span in spans.Where(s => s.LocationIndex is null))
        {
            var id = span.Label ?? SingleDiagnosticId();
            var result = id.StartsWith("CS", StringComparison.Ordinal) ? DiagnosticResult.CompilerError(id) : DiagnosticResult.Create(id);
            expected.Add(result.WithMarkedSpan(span));
        }

        foreach (var result in extra)
        {
            if (result.LocationIndex is not { } index)
            {
                expected.Add(result);
                continue;
            }

            var span = spans.SingleOrDefault(s => s.LocationIndex == index)
                ?? throw new InvalidOperationException($"An expected diagnostic uses WithLocation({index}) but no source marks {{|#{index}:...|}}.");
            expected.Add(result.WithMarkedSpan(span));
        }

        return (solution, expected);
    }

    private static Solution AddProject(Solution solution, string name, string filePrefix, List<string> markups, List<MarkedSpan> spans)
    {
        var projectId = ProjectId.CreateNewId(name);
        solution = solution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            name,
            name,
            LanguageNames.CSharp,
            compilationOptions: TestReferences.CompilationOptions,
            parseOptions: TestReferences.ParseOptions,
            metadataReferences: TestReferences.All));
        for (var i = 0; i < markups.Count; i++)
        {
            var path = $"{filePrefix}{i}.cs";
            var (source, marked) = TestMarkup.Parse(markups[i], path);
            spans.AddRange(marked);
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, path), path, SourceText.From(source, Encoding.UTF8), filePath: path);
        }

        return solution;
    }

    private string SingleDiagnosticId()
    {
        var ids = _analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 1
            ? ids[0]
            : throw new InvalidOperationException($"'[|...|]' needs an analyzer with exactly one diagnostic; these report {string.Join(", ", ids)}: write {{|ID:...|}} instead.");
    }

    /// <summary>Analyzer diagnostics plus compiler errors of every project: compiler warnings in test code are not the subject.</summary>
    private async Task<IReadOnlyList<Diagnostic>> DiagnosticsAsync(Solution solution, CancellationToken cancellationToken)
    {
        var all = new List<Diagnostic>();
        foreach (var project in solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var compilation = (await project.GetCompilationAsync(cancellationToken))!;
            all.AddRange(compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
            all.AddRange(await AnalyzerDiagnosticsAsync(project, cancellationToken));
        }

        return all;
    }

    internal async Task<ImmutableArray<Diagnostic>> AnalyzerDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        => await AnalysisRunner.AnalyzeAsync((await project.GetCompilationAsync(cancellationToken))!, _analyzers, project.AnalyzerOptions, cancellationToken);

    private bool IsFixable(Diagnostic diagnostic) => _codeFix!.FixableDiagnosticIds.Contains(diagnostic.Id);

    /// <summary>The code action for the first fixable diagnostic (in project, file and position order) that the fix offers one for.</summary>
    private async Task<(CodeAction Action, Document Document)?> FirstActionAsync(Solution solution, CancellationToken cancellationToken)
    {
        foreach (var project in solution.Projects.OrderBy(p => p.Name == "TestProject" ? 0 : 1))
        {
            if (await FirstActionAsync(project, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private async Task<(CodeAction Action, Document Document)?> FirstActionAsync(Project project, CancellationToken cancellationToken)
    {
        var diagnostics = (await AnalyzerDiagnosticsAsync(project, cancellationToken))
            .Where(d => IsFixable(d) && d.Location.IsInSource)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start);
        foreach (var diagnostic in diagnostics)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await _codeFix!.RegisterCodeFixesAsync(context);
            var chosen = CodeActionEquivalenceKey is { } key
                ? actions.FirstOrDefault(a => a.EquivalenceKey == key)
                : actions.ElementAtOrDefault(CodeActionIndex);
            if (chosen is not null)
            {
                return (chosen, document);
            }
        }

        return null;
    }

    private async Task<Solution> FixIncrementallyAsync(Solution solution, int limit, CancellationToken cancellationToken)
    {
        for (var iteration = 0; ; iteration++)
        {
            if (await FirstActionAsync(solution, cancellationToken) is not { } found)
            {
                return solution;
            }

            if (iteration >= limit)
            {
                var text = await found.Document.GetTextAsync(cancellationToken);
                Assert.Fail($"The code fix still offers '{found.Action.Title}' after {limit} fix(es); a fix must remove the diagnostic it fixes (or raise NumberOfIncrementalIterations). {found.Document.Name} is now:{Environment.NewLine}{text}");
            }

            solution = await ApplyAsync(found.Action, cancellationToken);
        }
    }

    private async Task<Solution> FixAllAsync(Solution solution, FixAllScope scope, int passes, CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < passes; pass++)
        {
            if (await FirstActionAsync(solution, cancellationToken) is not { } found)
            {
                return solution;
            }

            var provider = _codeFix!.GetFixAllProvider()
                ?? throw new AssertionException($"{_codeFix.GetType().Name} has no FixAllProvider.");
            Assert.That(provider.GetSupportedFixAllScopes(), Does.Contain(scope), $"{_codeFix.GetType().Name} does not support Fix All in {scope} scope.");
            var context = new FixAllContext(
                found.Document,
                _codeFix,
                scope,
                found.Action.EquivalenceKey,
                _codeFix.FixableDiagnosticIds,
                new TestDiagnosticProvider(this),
                cancellationToken);
            var action = await provider.GetFixAsync(context)
                ?? throw new AssertionException($"Fix All in {scope} scope produced no code action.");
            solution = await ApplyAsync(action, cancellationToken);
        }

        return solution;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, CancellationToken cancellationToken)
    {
        // GetOperationsAsync runs the same clean-up an IDE runs (simplification, formatting).
        var operations = await action.GetOperationsAsync(cancellationToken);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private async Task AssertFixedAsync(string state, Solution actual, Solution expected, List<DiagnosticResult> expectedDiagnostics, CancellationToken cancellationToken)
    {
        foreach (var expectedProject in expected.Projects)
        {
            var actualProject = actual.Projects.Single(p => p.Name == expectedProject.Name);
            foreach (var expectedDocument in expectedProject.Documents.OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                var actualDocument = actualProject.Documents.Single(d => d.Name == expectedDocument.Name);
                var expectedText = (await expectedDocument.GetTextAsync(cancellationToken)).ToString();
                var actualText = (await actualDocument.GetTextAsync(cancellationToken)).ToString();
                if (expectedText != actualText)
                {
                    Assert.Fail($"{state}, {expectedDocument.Name} differs from the expected fixed source.{Environment.NewLine}{TextDifference.Describe(expectedText, actualText)}");
                }
            }
        }

        DiagnosticComparison.AssertMatch(state + " (the fixed code must compile)", expectedDiagnostics, await DiagnosticsAsync(actual, cancellationToken), DefaultPath);
    }

    private sealed class TestDiagnosticProvider(VerifierTest test) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await test.AnalyzerDiagnosticsAsync(project, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await test.AnalyzerDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => (await test.AnalyzerDiagnosticsAsync(project, cancellationToken)).Where(d => !d.Location.IsInSource);
    }
}
