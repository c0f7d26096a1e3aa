using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// What a build's global analyzer config files give a compilation: rule severities and the
/// <c>build_property.*</c> options analyzers read.
/// </summary>
internal sealed class AnalyzerConfiguration
{
    private AnalyzerConfiguration(ImmutableDictionary<string, ReportDiagnostic> severities, AnalyzerConfigOptionsProvider options)
    {
        Severities = severities;
        Options = options;
    }

    /// <summary>Severities by rule id, applied to the whole compilation.</summary>
    public ImmutableDictionary<string, ReportDiagnostic> Severities { get; }

    /// <summary>The options analyzers see for every file and for the compilation.</summary>
    public AnalyzerConfigOptionsProvider Options { get; }

    /// <summary>
    /// Merges global config files (<c>is_global = true</c>) as the compiler does. Every file in the
    /// corpus gets the same options, so the global section is all a build would apply.
    /// </summary>
    public static AnalyzerConfiguration FromGlobalConfigs(IReadOnlyCollection<(string Path, string Text)> files)
    {
        var configs = files.Select(file => AnalyzerConfig.Parse(file.Text, file.Path)).ToList();
        var global = AnalyzerConfigSet.Create(configs).GlobalConfigOptions;
        var problems = global.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (problems.Count > 0)
        {
            throw new System.InvalidOperationException(
                "The analyzer config files do not merge; check the SDK's global configs:\n" + string.Join("\n", problems));
        }

        return new AnalyzerConfiguration(global.TreeOptions, new GlobalOptionsProvider(global.AnalyzerOptions));
    }
}
