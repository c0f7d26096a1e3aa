using System.Linq;
using Parity.Analyzers.Package.Tests.Infrastructure;

namespace Parity.Analyzers.Package.Tests.Consumption;

/// <summary>What a developer or CI sees from <c>dotnet build</c> of a project that references the package.</summary>
[Category("Integration")]
public sealed class CommandLineBuildTests
{
    [Test]
    public void Package_holds_both_assemblies_under_analyzers_and_nothing_under_lib()
    {
        var entries = PackageContents.EntryNames(ConsumerBuilds.PackagePath);

        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain("analyzers/dotnet/cs/Parity.Analyzers.dll"));
            Assert.That(entries, Does.Contain("analyzers/dotnet/cs/Parity.Analyzers.CodeFixes.dll"));
            Assert.That(entries.Where(entry => entry.StartsWith("lib/", System.StringComparison.Ordinal)), Is.Empty);
            Assert.That(PackageContents.Nuspec(ConsumerBuilds.PackagePath), Does.Contain("<developmentDependency>true</developmentDependency>"));
        });
    }

    [Test]
    public void Build_succeeds_and_warns_exactly_at_the_marked_lines()
    {
        var expected = Expectations.InDirectory(ConsumerBuilds.ConsumerSources).Where(d => d.Severity != "none");

        Assert.Multiple(() =>
        {
            Assert.That(ConsumerBuilds.AsWritten.ExitCode, Is.Zero, ConsumerBuilds.AsWritten.Output);
            Assert.That(ReportedDiagnostic.FromBuildOutput(ConsumerBuilds.AsWritten.Lines), Is.EqualTo(expected), ConsumerBuilds.AsWritten.Output);
        });
    }

    [Test]
    public void Editorconfig_severities_silence_and_escalate_per_file()
    {
        var expected = ConsumerBuilds.ExpectedWithEscalation.Where(d => d.Severity != "none");

        Assert.Multiple(() =>
        {
            Assert.That(ConsumerBuilds.WithEscalation.ExitCode, Is.Not.Zero, "an error-severity diagnostic must fail the build");
            Assert.That(ReportedDiagnostic.FromBuildOutput(ConsumerBuilds.WithEscalation.Lines), Is.EqualTo(expected), ConsumerBuilds.WithEscalation.Output);
        });
    }

    [Test]
    public void Warnaserror_fails_the_build_with_every_warning_as_an_error()
    {
        var expected = ConsumerBuilds.ExpectedWithEscalation
            .Where(d => d.Severity != "none")
            .Select(d => d with { Severity = "error" });

        Assert.Multiple(() =>
        {
            Assert.That(ConsumerBuilds.WarningsAsErrors.ExitCode, Is.Not.Zero, ConsumerBuilds.WarningsAsErrors.Output);
            Assert.That(ReportedDiagnostic.FromBuildOutput(ConsumerBuilds.WarningsAsErrors.Lines), Is.EqualTo(expected), ConsumerBuilds.WarningsAsErrors.Output);
        });
    }
}
