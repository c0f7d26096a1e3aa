using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// The analyzers a default .NET project's build runs: the .NET SDK's code-quality analyzers
/// (<c>Microsoft.CodeAnalysis.NetAnalyzers</c>, both the language-neutral and the C# assembly), loaded
/// from the installed SDK of the running runtime's major version, with the configuration the SDK gives a
/// project that sets nothing (<c>AnalysisLevel=latest</c>, <c>AnalysisMode=Default</c>): the SDK's own
/// <c>analysislevel_&lt;major&gt;_default.globalconfig</c> plus the <c>build_property.*</c> keys the SDK
/// writes for a class library.
/// </summary>
internal sealed class SdkAnalyzers
{
    private static readonly string[] AssemblyNames = ["Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"];

    private SdkAnalyzers(string sdkDirectory, ImmutableArray<DiagnosticAnalyzer> analyzers, string configFile, AnalyzerConfiguration configuration)
    {
        SdkDirectory = sdkDirectory;
        Analyzers = analyzers;
        ConfigFile = configFile;
        Configuration = configuration;
        BuildAnalyzers = analyzers.Where(analyzer => RunsInCommandLineBuild(analyzer, configuration)).ToImmutableArray();
    }

    /// <summary>The SDK folder the analyzers and the config came from.</summary>
    public string SdkDirectory { get; }

    /// <summary>Every analyzer and suppressor of both assemblies that applies to C#.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>
    /// The analyzers of <see cref="Analyzers"/> that <c>dotnet build</c> actually runs: the command-line
    /// compiler skips an analyzer all of whose rules are off, hidden or suggestions (info), since their
    /// diagnostics never reach the build output (unless an error log is requested).
    /// </summary>
    public ImmutableArray<DiagnosticAnalyzer> BuildAnalyzers { get; }

    /// <summary>The SDK's global config file for the default analysis level and mode.</summary>
    public string ConfigFile { get; }

    /// <summary>Severities from <see cref="ConfigFile"/> and the SDK's build properties.</summary>
    public AnalyzerConfiguration Configuration { get; }

    /// <summary>Loads the analyzers and the default configuration from the installed SDK.</summary>
    public static SdkAnalyzers Load()
    {
        var major = Environment.Version.Major;
        var sdk = FindSdk(major);
        var folder = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers");
        var analyzers = AssemblyNames.SelectMany(name => LoadAnalyzers(Path.Combine(folder, name))).ToImmutableArray();

        // AnalysisLevel "latest" is the SDK's own major version; "Default" mode keeps every rule at its
        // built-in default except rules newer than that level, which the file turns off.
        var configFile = Path.Combine(folder, "build", "config", string.Create(CultureInfo.InvariantCulture, $"analysislevel_{major}_default.globalconfig"));
        if (!File.Exists(configFile))
        {
            throw new InvalidOperationException(
                $"The SDK at {sdk} has no {Path.GetFileName(configFile)}; install a .NET {major} SDK whose analyzers ship their analysis-level configs.");
        }

        var configuration = AnalyzerConfiguration.FromGlobalConfigs(
        [
            (configFile, File.ReadAllText(configFile)),
            ("/GeneratedModels/GeneratedModels.GeneratedMSBuildEditorConfig.editorconfig", BuildProperties(major)),
        ]);
        return new SdkAnalyzers(sdk, analyzers, configFile, configuration);
    }

    // What `dotnet build` writes for a default `dotnet new classlib` project on Linux (checked against
    // the SDK's generated editorconfig); keys it leaves empty are passed empty, as it does.
    private static string BuildProperties(int major) => string.Create(CultureInfo.InvariantCulture, $"""
        is_global = true
        build_property.TargetFramework = net{major}.0
        build_property.TargetFrameworkIdentifier = .NETCoreApp
        build_property.TargetFrameworkVersion = v{major}.0
        build_property.TargetPlatformMinVersion =
        build_property.UsingMicrosoftNETSdkWeb =
        build_property.ProjectTypeGuids =
        build_property.InvariantGlobalization =
        build_property.PlatformNeutralAssembly =
        build_property.EnforceExtendedAnalyzerRules =
        build_property.EntryPointFilePath =
        build_property._SupportedPlatformList = Linux,macOS,Windows
        build_property.RootNamespace = GeneratedModels
        build_property.ProjectDir = /GeneratedModels/
        build_property.EnableComHosting =
        build_property.EnableGeneratedComInterfaceComImportInterop =
        build_property.EffectiveAnalysisLevelStyle = {major}.0
        build_property.EnableCodeStyleSeverity =
        """);

    /// <summary>
    /// Whether a rule is on with a severity the build reports (warning or error); the same decision the
    /// command-line compiler makes per rule before it starts an analyzer.
    /// </summary>
    public static bool ReportedInBuild(DiagnosticDescriptor rule, AnalyzerConfiguration configuration)
    {
        if (rule.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable))
        {
            return rule.IsEnabledByDefault;
        }

        var configured = configuration.Severities.GetValueOrDefault(rule.Id, ReportDiagnostic.Default);
        var severity = configured != ReportDiagnostic.Default ? configured
            : !rule.IsEnabledByDefault ? ReportDiagnostic.Suppress
            : rule.DefaultSeverity switch
            {
                DiagnosticSeverity.Error => ReportDiagnostic.Error,
                DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                DiagnosticSeverity.Info => ReportDiagnostic.Info,
                _ => ReportDiagnostic.Hidden,
            };
        return severity is ReportDiagnostic.Error or ReportDiagnostic.Warn;
    }

    private static bool RunsInCommandLineBuild(DiagnosticAnalyzer analyzer, AnalyzerConfiguration configuration) =>
        analyzer.SupportedDiagnostics.Any(rule => ReportedInBuild(rule, configuration))
        || (analyzer is DiagnosticSuppressor suppressor && !suppressor.SupportedSuppressions.IsEmpty);

    private static IEnumerable<DiagnosticAnalyzer> LoadAnalyzers(string path)
    {
        var reference = new AnalyzerFileReference(path, new SdkAssemblyLoader());
        var failures = new List<string>();
        reference.AnalyzerLoadFailed += (_, failure) => failures.Add($"{failure.TypeName ?? path}: {failure.Message}");
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        if (failures.Count > 0 || analyzers.IsEmpty)
        {
            throw new InvalidOperationException(
                $"Could not load the SDK's analyzers from {path} into this Roslyn host; they may need a newer Microsoft.CodeAnalysis "
                + "than the benchmark references (raise its VersionOverride):\n" + string.Join("\n", failures.Take(5)));
        }

        return analyzers;
    }

    private static string FindSdk(int major)
    {
        // The running runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var roots = new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), runtimeRoot }
            .Where(root => !string.IsNullOrEmpty(root) && Directory.Exists(Path.Combine(root, "sdk")))
            .Select(root => root!);
        var sdk = roots
            .SelectMany(root => Directory.EnumerateDirectories(Path.Combine(root, "sdk")))
            .Select(directory => (Directory: directory, Version: Version.TryParse(Path.GetFileName(directory).Split('-')[0], out var version) ? version : null))
            .Where(candidate => candidate.Version?.Major == major
                && AssemblyNames.All(name => File.Exists(Path.Combine(candidate.Directory, "Sdks", "Microsoft.NET.Sdk", "analyzers", name))))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Directory)
            .FirstOrDefault();
        return sdk ?? throw new InvalidOperationException(
            $"No .NET {major} SDK with the code-quality analyzers found under {runtimeRoot}/sdk or $DOTNET_ROOT/sdk; "
            + $"install the .NET {major} SDK or point DOTNET_ROOT at the installation that has one.");
    }

    // The analyzers bind to the Roslyn this process already loaded, as they bind to the compiler's in a build.
    private sealed class SdkAssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
