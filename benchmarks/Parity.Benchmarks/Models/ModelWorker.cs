using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parity.Benchmarks.Peers;
using TorchSharp;

namespace Parity.Benchmarks.Models;

/// <summary>
/// One model and one workload in a process of its own, so its peak resident memory is its own: the child
/// side of <see cref="ModelRounds"/>, and what benchmarks/peer/inception_resnet_v2.py <c>--workload</c>
/// does for PyTorch. Sets the thread count before any tensor op, builds the model, makes the warm-up calls
/// (the first builds a Parity module's variables), times each further call on the wall clock and the
/// process CPU clock, and prints one JSON line.
/// </summary>
/// <remarks>
/// <c>Parity.Benchmarks --model-worker TorchSharp|Native|Shim Inference|TrainingStep [--calls 5] [--warmup 5] [--threads 2]</c>
/// </remarks>
internal static class ModelWorker
{
    /// <summary>The argument that makes <see cref="Program"/> run <see cref="Run"/>.</summary>
    public const string Argument = "--model-worker";

    public static int Run(string[] args)
    {
        if (args.Length < 3
            || !Enum.TryParse<InceptionModel>(args[1], out var model)
            || !Enum.TryParse<InceptionWorkload>(args[2], out var workload))
        {
            Console.Error.WriteLine($"usage: {Argument} {string.Join('|', Enum.GetNames<InceptionModel>())} {string.Join('|', Enum.GetNames<InceptionWorkload>())} [--calls N] [--warmup N] [--threads N]");
            return 2;
        }

        var calls = Option(args, "--calls", 5);
        var warmUp = Math.Max(1, Option(args, "--warmup", 5));
        var threads = Option(args, "--threads", BenchmarkThreads.Models);

        // Before any op: a thread that has computed keeps the count it started with.
        torch.set_num_threads(threads);
        var residentBefore = ProcessCounters.ResidentKib();
        using var run = InceptionRun.Create(model, workload);
        for (var i = 1; i < warmUp; i++)
        {
            run.Step();
        }

        var wall = new List<long>(calls);
        var cpu = new List<long>(calls);
        var faults = new List<long>(calls);
        for (var i = 0; i < calls; i++)
        {
            var faultStart = ProcessCounters.MinorFaults();
            var cpuStart = ProcessCounters.CpuNanoseconds();
            var clock = Stopwatch.StartNew();
            run.Step();
            var elapsed = clock.Elapsed;
            cpu.Add(ProcessCounters.CpuNanoseconds() - cpuStart);
            wall.Add((long)elapsed.TotalNanoseconds);
            faults.Add(ProcessCounters.MinorFaults() - faultStart);
        }

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["side"] = model.ToString(),
            ["engine"] = $"TorchSharp {typeof(torch).Assembly.GetName().Version?.ToString(3)}, libtorch {torch.__version__}",
            ["workload"] = workload.ToString(),
            ["threads"] = torch.get_num_threads(),
            ["wall_ns"] = wall,
            ["cpu_ns"] = cpu,
            ["minflt"] = faults,
            ["rss_before_kib"] = residentBefore,
            ["peak_rss_kib"] = ProcessCounters.PeakResidentKib(),
        }));
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
