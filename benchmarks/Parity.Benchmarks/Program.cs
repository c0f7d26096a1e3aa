using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Parity.Benchmarks.Models;
using Parity.Benchmarks.Peers;

namespace Parity.Benchmarks;

/// <summary>
/// Runs the selected benchmarks (BenchmarkDotNet's usual --filter / --list arguments), then, for
/// every benchmark class marked with <see cref="PeerAttribute"/>, its peer script in the same run,
/// and prints a C#/peer ratio table; after the model benchmarks, their interleaved multi-process
/// rounds (<see cref="ModelRounds"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case Analyzers.SteadyRuntimeReport.Argument:
                return Analyzers.SteadyRuntimeReport.RunInThisProcess(args);
            case Analyzers.AnalyzerAllocationReport.Argument:
                return Analyzers.AnalyzerAllocationReport.RunInThisProcess(args);
            case Analyzers.SteadyRuntimeReport.ParentArgument:
                return Analyzers.SteadyRuntimeReport.RunFromCommandLine(args);
            case Analyzers.AnalyzerTimeReport.Argument:
                return Analyzers.AnalyzerTimeReport.RunInThisProcess(args);
            case ModelWorker.Argument:
                return ModelWorker.Run(args);
            case ModelRounds.Argument:
                return ModelRounds.Run(args);
        }

        // In-process keeps a run short and loads the engine exactly as tests and apps do;
        // the short job (3 warm-ups, 3 iterations) keeps the whole suite to a few minutes. The timeout
        // covers a benchmark's cleanup too, and the analyzer benchmark's paired report there takes about
        // ten minutes, twice the toolchain's default.
        var job = Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true));
        var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToArray();
        var status = PeerComparison.Report(summaries);
        if (summaries.Any(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(InceptionResnetV2Benchmarks))))
        {
            status |= ModelRounds.Run([ModelRounds.Argument]);
        }

        return status;
    }
}
