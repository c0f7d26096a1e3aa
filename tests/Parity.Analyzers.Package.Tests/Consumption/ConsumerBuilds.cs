using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parity.Analyzers.Package.Tests.Infrastructure;

namespace Parity.Analyzers.Package.Tests.Consumption;

/// <summary>
/// Packs the analyzers once and builds the consumer project three times for every test in this
/// namespace (each `dotnet build` costs tens of seconds): as written, with a file whose rule the
/// .editorconfig escalates to error, and with <c>-warnaserror</c>.
/// </summary>
[SetUpFixture]
public sealed class ConsumerBuilds
{
    private string? _workRoot;
    private LocalFeed? _feed;

    internal static ConsumerProject Project { get; private set; } = null!;

    internal static string PackagePath { get; private set; } = null!;

    internal static string PackageVersion { get; private set; } = null!;

    /// <summary>The build of the consumer's own files, which only warn.</summary>
    internal static CommandResult AsWritten { get; private set; } = null!;

    /// <summary>The build after Escalated.cs was added; the project stays in this state afterwards.</summary>
    internal static CommandResult WithEscalation { get; private set; } = null!;

    /// <summary>The same sources as <see cref="WithEscalation"/>, built with <c>-warnaserror</c>.</summary>
    internal static CommandResult WarningsAsErrors { get; private set; } = null!;

    internal static string ConsumerSources => RepositoryPaths.TestData("Consumption", "Consumer");

    internal static string EscalationSources => RepositoryPaths.TestData("Consumption", "Escalation");

    /// <summary>Every marked expectation of the project's current sources.</summary>
    internal static IReadOnlyList<ReportedDiagnostic> ExpectedWithEscalation =>
        Expectations.InDirectory(ConsumerSources).Concat(Expectations.InDirectory(EscalationSources)).Order().ToList();

    [OneTimeSetUp]
    public void PackAndBuild()
    {
        _workRoot = Directory.CreateTempSubdirectory("parity-consumer-").FullName;
        _feed = LocalFeed.Pack(Path.Combine(_workRoot, "feed"));
        PackagePath = _feed.PackagePath;
        PackageVersion = _feed.Version;
        Project = ConsumerProject.Create(Path.Combine(_workRoot, "Consumer"), _feed);

        AsWritten = Project.Build();
        Project.Add(EscalationSources);
        WithEscalation = Project.Build();
        // Unchanged sources would skip the compiler and print no warnings to turn into errors.
        Project.Touch("PerCall.cs");
        WarningsAsErrors = Project.Build("-warnaserror");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (_feed is not null && Directory.Exists(_feed.ExtractedPackage))
        {
            Directory.Delete(_feed.ExtractedPackage, recursive: true);
        }

        if (_workRoot is not null)
        {
            Directory.Delete(_workRoot, recursive: true);
        }
    }
}
