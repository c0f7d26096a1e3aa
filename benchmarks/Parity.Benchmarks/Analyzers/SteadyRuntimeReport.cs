using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// The paired overhead (<see cref="PairedOverheadReport"/>) measured again in a child process whose runtime
/// does the same work the same way every time, so that instruction counts repeat to a few hundredths of a
/// percent and twenty rounds pin the overhead closer than a hundred rounds of CPU time do on a shared machine.
/// </summary>
/// <remarks>
/// With the default runtime, a compilation's instruction count moves by several percent from one round to the
/// next: methods are compiled again in the background as they get hot, garbage collection runs partly on its
/// own thread and starts when its budget says, and idle thread-pool threads spin. The child turns those off:
/// every method is compiled once, fully optimised, on first call (no tiering, no precompiled code); collections
/// run on the allocating thread with a fixed 256 MB budget; idle threads do not spin. Compiler and analyzers
/// run the same code in both halves of every pair, so the ratio is still the analyzers' share of the work.
/// </remarks>
internal static class SteadyRuntimeReport
{
    /// <summary>The argument that makes <see cref="Program"/> run <see cref="RunInThisProcess"/>.</summary>
    public const string Argument = "--analyzer-overhead-steady-runtime";

    /// <summary>
    /// The command-line argument that runs the pair over the SDK's build analyzers in a child process and prints its
    /// report, instead of the benchmarks: <c>--analyzer-overhead-steady [rounds] [analyzer type names]</c>.
    /// </summary>
    public const string ParentArgument = "--analyzer-overhead-steady";

    /// <summary>The child's argument for the baseline of the SDK's build analyzers instead of the empty analyzer.</summary>
    public const string OverSdkArgument = "sdk";

    private static readonly (string Name, string Value)[] Settings =
    {
        ("DOTNET_TieredCompilation", "0"),
        ("DOTNET_ReadyToRun", "0"),
        ("DOTNET_gcConcurrent", "0"),
        ("DOTNET_GCgen0size", "0x10000000"),
        ("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0"),
    };

    /// <summary>Runs <see cref="ParentArgument"/>: the pair over the SDK's build analyzers, printed.</summary>
    public static int RunFromCommandLine(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
        var report = Measure(rounds, overSdk: true, added: args.Length > 2 ? args[2] : null);
        Console.Write(report);
        return report.StartsWith("Steady-runtime report failed", StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>
    /// Runs <paramref name="rounds"/> paired rounds in a child process and returns its report: against the empty
    /// analyzer, or, with <paramref name="overSdk"/>, Parity (or the analyzers named in <paramref name="added"/>,
    /// comma-separated type names) added to the SDK's build analyzers.
    /// </summary>
    public static string Measure(int rounds, bool overSdk = false, string? added = null)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var entry = Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("The benchmark's entry assembly has no location to start a child process from.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(entry);
        }

        start.ArgumentList.Add(Argument);
        start.ArgumentList.Add(rounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (overSdk)
        {
            start.ArgumentList.Add(OverSdkArgument);
            if (added is not null)
            {
                start.ArgumentList.Add(added);
            }
        }
        foreach (var (name, value) in Settings)
        {
            start.Environment[name] = value;
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{host}' for the steady-runtime report.");
        var errors = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return child.ExitCode == 0
            ? output
            : $"Steady-runtime report failed (exit code {child.ExitCode}):\n{output}{errors.Result}";
    }

    /// <summary>The child's side: compiles the standard corpus in paired rounds and prints the report.</summary>
    public static int RunInThisProcess(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var corpus = new CorpusCompilation(ModuleCorpus.Standard());
        CorpusCheck.EnsureMeaningful(corpus);
        if (args.Length > 2 && args[2] == OverSdkArgument)
        {
            var sdk = SdkAnalyzers.Load();
            var (name, added) = args.Length > 3 ? Chosen(args[3]) : ("+ Parity analyzers", CorpusCompilation.ParityAnalyzers);
            Console.Write(PairedOverheadReport.Measure(corpus, ("SDK analyzers (dotnet build)", sdk.BuildAnalyzers), (name, sdk.BuildAnalyzers.AddRange(added)), rounds, sdk.Configuration));
            return 0;
        }

        var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        Console.Write(PairedOverheadReport.Measure(corpus, ("empty analyzer", empty), ("Parity analyzers", CorpusCompilation.ParityAnalyzers), rounds));
        return 0;
    }

    // To find where the overhead comes from: some of Parity's analyzers by type name (comma-separated), or the
    // benchmark's do-nothing analyzers (EmptyAnalyzer, OperationBaselineAnalyzer) to price the host's own work.
    private static (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers) Chosen(string names)
    {
        var wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var candidates = CorpusCompilation.ParityAnalyzers.AddRange(new DiagnosticAnalyzer[] { new EmptyAnalyzer(), new OperationBaselineAnalyzer() });
        var chosen = candidates.Where(a => wanted.Contains(a.GetType().Name, StringComparer.Ordinal)).ToImmutableArray();
        if (chosen.Length != wanted.Length)
        {
            throw new ArgumentException($"Unknown analyzer among '{names}'; known: {string.Join(", ", candidates.Select(a => a.GetType().Name))}.");
        }

        return ("+ " + string.Join(", ", wanted), chosen);
    }
}
