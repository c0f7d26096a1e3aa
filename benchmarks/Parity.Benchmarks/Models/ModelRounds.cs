using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Parity.Benchmarks.Peers;

namespace Parity.Benchmarks.Models;

/// <summary>
/// Inception-ResNet-v2 workloads compared in interleaved rounds of separate processes: in every round each
/// side runs each workload once in a fresh process (<see cref="ModelWorker"/>, the PyTorch peer's
/// <c>--workload</c>, or the pre-migration build's worker), in an order rotated from round to round, and
/// every ratio is taken between two sides of the same round. The report gives, per side, the median over
/// rounds of each process's median call with the rounds' range, and per ratio the median and range of the
/// per-round ratios; with two intra-op threads wall time is the measure (the thread-CPU clock of the
/// other benchmarks would miss the second thread), process CPU time of all threads is printed beside it,
/// and each process's peak resident memory (VmHWM) is its workload's alone.
/// </summary>
/// <remarks>
/// <c>Parity.Benchmarks --model-rounds [--set models|old-vs-new] [--rounds 8] [--calls 5] [--warmup 5]
/// [--threads 2] [--workloads Inference,TrainingStep] [--sides NAME,NAME...] [--old-worker PATH]</c>. The <c>models</c> set
/// compares PyTorch 1.13, the hand-written TorchSharp model, the sample's native port and its shim, and the
/// native port and the TorchSharp model again with glibc's malloc tuned as TorchSharp's notes suggest
/// (mmap threshold 64 MiB, trim threshold 256 MiB, through glibc's environment settings). The
/// <c>old-vs-new</c> set compares the shim and the native port of this build with those of the last build
/// on the home-made libtorch 1.13 binding (benchmarks/old-vs-new).
/// </remarks>
internal static class ModelRounds
{
    /// <summary>The argument that makes <see cref="Program"/> run <see cref="Run"/>.</summary>
    public const string Argument = "--model-rounds";

    private const string PyTorch = "PyTorch 1.13";
    private const string TorchSharp = "TorchSharp";
    private const string Native = "Native";
    private const string Shim = "Shim";
    private const string NativeMallopt = "Native + mallopt";
    private const string TorchSharpMallopt = "TorchSharp + mallopt";
    private const string OldNative = "old Native";
    private const string NewNative = "new Native";
    private const string OldShim = "old Shim";
    private const string NewShim = "new Shim";

    private static readonly (string Name, string Value)[] TunedMalloc =
    [
        ("MALLOC_MMAP_THRESHOLD_", "67108864"),
        ("MALLOC_TRIM_THRESHOLD_", "268435456"),
    ];

    public static int Run(string[] args)
    {
        var set = Text(args, "--set", "models");
        var settings = new Settings(
            Rounds: Number(args, "--rounds", 8),
            Calls: Number(args, "--calls", 5),
            WarmUp: Number(args, "--warmup", 5),
            Threads: Number(args, "--threads", BenchmarkThreads.Models));
        var workloads = Text(args, "--workloads", "Inference,TrainingStep").Split(',').Select(Enum.Parse<InceptionWorkload>).ToArray();
        var (sides, ratios) = set switch
        {
            "models" => ModelsSet(settings),
            "old-vs-new" => OldVsNewSet(settings, Path.GetFullPath(Text(args, "--old-worker", "benchmarks/old-vs-new/old-worker/bin/Release/net10.0/OldWorker.dll"))),
            _ => throw new ArgumentException($"Unknown --set {set}: models or old-vs-new."),
        };
        if (Text(args, "--sides", "") is { Length: > 0 } only)
        {
            var names = only.Split(',', StringSplitOptions.TrimEntries);
            sides = [.. sides.Where(s => names.Contains(s.Name))];
            ratios = [.. ratios.Where(r => names.Contains(r.Numerator) && names.Contains(r.Denominator))];
        }

        var started = DateTime.UtcNow;
        var loads = new List<string>();
        var results = sides.SelectMany(s => workloads.Select(w => (s.Name, w))).ToDictionary(key => key, _ => new List<WorkerResult>());
        var artifacts = Path.Combine("BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(artifacts);
        var raw = Path.Combine(artifacts, $"InceptionResnetV2-rounds-{set}.jsonl");
        using (var rawLog = new StreamWriter(raw))
        {
            for (var round = 0; round < settings.Rounds; round++)
            {
                loads.Add(LoadAverage());
                foreach (var workload in workloads)
                {
                    foreach (var side in Rotate(sides, round))
                    {
                        var output = RunWorker(side, workload);
                        rawLog.WriteLine($"{{\"round\": {round}, \"side\": \"{side.Name}\", \"load\": \"{loads[^1]}\", \"result\": {output}}}");
                        rawLog.Flush();
                        var result = WorkerResult.Parse(output);
                        results[(side.Name, workload)].Add(result);
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// round {round + 1}/{settings.Rounds} {workload} {side.Name}: {result.MedianWallNs / 1e6:0.0} ms wall, {result.MedianCpuNs / 1e6:0.0} ms CPU, peak {result.PeakResidentKib / 1024} MiB"));
                    }
                }
            }
        }

        loads.Add(LoadAverage());
        var report = Report(set, settings, sides, workloads, ratios, results, started, loads);
        var path = Path.Combine(artifacts, $"InceptionResnetV2-rounds-{set}.md");
        File.WriteAllText(path, report);
        Console.WriteLine(report);
        Console.WriteLine($"written to {path} (every process's output: {raw})");
        return 0;
    }

    private static (Side[] Sides, Ratio[] Ratios) ModelsSet(Settings settings)
    {
        var peer = Path.Combine(AppContext.BaseDirectory, "peer", "inception_resnet_v2.py");
        Side Python(string name) => new(name, w => Start(PythonPeer.Interpreter, [peer, "--workload", w.ToString(), .. settings.WorkerArguments]));
        Side Self(string name, InceptionModel model, params (string, string)[] environment) =>
            new(name, w => Start(null, [ModelWorker.Argument, model.ToString(), w.ToString(), .. settings.WorkerArguments], environment));

        Side[] sides =
        [
            Python(PyTorch),
            Self(TorchSharp, InceptionModel.TorchSharp),
            Self(Native, InceptionModel.Native),
            Self(Shim, InceptionModel.Shim),
            Self(TorchSharpMallopt, InceptionModel.TorchSharp, TunedMalloc),
            Self(NativeMallopt, InceptionModel.Native, TunedMalloc),
        ];
        Ratio[] ratios =
        [
            new(Native, TorchSharp, "≤ 1.0"),
            new(Shim, Native, "≤ 1.03"),
            new(TorchSharp, PyTorch, null),
            new(Native, PyTorch, null),
            new(Shim, PyTorch, null),
            new(TorchSharpMallopt, TorchSharp, null),
            new(NativeMallopt, Native, null),
            new(NativeMallopt, PyTorch, null),
        ];
        return (sides, ratios);
    }

    private static (Side[] Sides, Ratio[] Ratios) OldVsNewSet(Settings settings, string oldWorker)
    {
        if (!File.Exists(oldWorker))
        {
            throw new FileNotFoundException($"The old build's worker is not at {oldWorker}; build benchmarks/old-vs-new/old-worker first (benchmarks/old-vs-new/run.sh does).", oldWorker);
        }

        // The old runtime starts at one intra-op thread unless OMP_NUM_THREADS says otherwise; its worker also
        // calls Torch.SetNumThreads.
        var threads = settings.Threads.ToString(CultureInfo.InvariantCulture);
        Side Old(string name, InceptionModel model) =>
            new(name, w => Start("dotnet", [oldWorker, model.ToString(), w.ToString(), .. settings.WorkerArguments], ("OMP_NUM_THREADS", threads)));
        Side New(string name, InceptionModel model) =>
            new(name, w => Start(null, [ModelWorker.Argument, model.ToString(), w.ToString(), .. settings.WorkerArguments]));

        Side[] sides = [Old(OldNative, InceptionModel.Native), New(NewNative, InceptionModel.Native), Old(OldShim, InceptionModel.Shim), New(NewShim, InceptionModel.Shim)];
        Ratio[] ratios = [new(NewNative, OldNative, null), new(NewShim, OldShim, null)];
        return (sides, ratios);
    }

    /// <summary>Starts <paramref name="file"/>, or this benchmark program again when it is null.</summary>
    private static ProcessStartInfo Start(string? file, IEnumerable<string> arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (file is null)
        {
            var host = Environment.ProcessPath ?? "dotnet";
            start.FileName = host;
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            {
                start.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("No entry assembly to start a worker from."));
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static string RunWorker(Side side, InceptionWorkload workload)
    {
        var start = side.Start(workload);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"{side.Name} {workload} exited with {process.ExitCode}:\n{output}\n{errors.Result}");
        }

        return line;
    }

    private static IEnumerable<Side> Rotate(Side[] sides, int round) =>
        sides.Skip(round % sides.Length).Concat(sides.Take(round % sides.Length));

    private static string Report(
        string set,
        Settings settings,
        Side[] sides,
        InceptionWorkload[] workloads,
        Ratio[] ratios,
        Dictionary<(string Side, InceptionWorkload Workload), List<WorkerResult>> results,
        DateTime started,
        List<string> loads)
    {
        var text = new StringBuilder();
        var engines = results.Values.Select(r => r[0].Engine).Distinct();
        text.AppendLine(CultureInfo.InvariantCulture, $"Inception-ResNet-v2, set `{set}`: {settings.Rounds} interleaved rounds, {settings.Threads} intra-op threads, each process {settings.WarmUp} warm-up and {settings.Calls} timed calls.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{started:yyyy-MM-dd HH:mm}–{DateTime.UtcNow:HH:mm} UTC on {Environment.ProcessorCount} cores ({CpuModel()}); load average (1 min) at each round's start and at the end: {string.Join(", ", loads)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Engines: {string.Join("; ", engines)}.");
        foreach (var workload in workloads)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{workload}: median over rounds of each process's median call (min–max over rounds)");
            text.AppendLine();
            text.AppendLine("| side | wall ms | best call wall ms | process CPU ms | minor faults / call | peak RSS MiB | RSS before the model MiB |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var side in sides)
            {
                var runs = results[(side.Name, workload)];
                text.AppendLine(CultureInfo.InvariantCulture, $"| {side.Name} | {Spread(runs.Select(r => r.MedianWallNs / 1e6), "0.0")} | {Spread(runs.Select(r => r.BestWallNs / 1e6), "0.0")} | {Spread(runs.Select(r => r.MedianCpuNs / 1e6), "0.0")} | {Spread(runs.Select(r => r.MedianMinorFaults), "0")} | {Spread(runs.Select(r => r.PeakResidentKib / 1024.0), "0")} | {Spread(runs.Select(r => r.ResidentBeforeKib / 1024.0), "0")} |");
            }

            text.AppendLine();
            text.AppendLine("| ratio (per round, median (min–max)) | wall | best call wall | process CPU | peak RSS | wall target |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var ratio in ratios)
            {
                var top = results[(ratio.Numerator, workload)];
                var bottom = results[(ratio.Denominator, workload)];
                var pairs = top.Zip(bottom).ToArray();
                text.AppendLine(CultureInfo.InvariantCulture, $"| {ratio.Numerator} / {ratio.Denominator} | {Spread(pairs.Select(p => p.First.MedianWallNs / p.Second.MedianWallNs), "0.00")} | {Spread(pairs.Select(p => p.First.BestWallNs / p.Second.BestWallNs), "0.00")} | {Spread(pairs.Select(p => p.First.MedianCpuNs / p.Second.MedianCpuNs), "0.00")} | {Spread(pairs.Select(p => p.First.PeakResidentKib / (double)p.Second.PeakResidentKib), "0.00")} | {ratio.Target ?? ""} |");
            }
        }

        return text.ToString();
    }

    private static string Spread(IEnumerable<double> values, string format)
    {
        var all = values.ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{WorkerResult.Median(all).ToString(format, CultureInfo.InvariantCulture)} ({all.Min().ToString(format, CultureInfo.InvariantCulture)}–{all.Max().ToString(format, CultureInfo.InvariantCulture)})");
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    private static string Text(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static int Number(string[] args, string name, int fallback) =>
        int.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private sealed record Side(string Name, Func<InceptionWorkload, ProcessStartInfo> Start);

    private sealed record Ratio(string Numerator, string Denominator, string? Target);

    private sealed record Settings(int Rounds, int Calls, int WarmUp, int Threads)
    {
        public string[] WorkerArguments =>
        [
            "--calls", Calls.ToString(CultureInfo.InvariantCulture),
            "--warmup", WarmUp.ToString(CultureInfo.InvariantCulture),
            "--threads", Threads.ToString(CultureInfo.InvariantCulture),
        ];
    }
}
