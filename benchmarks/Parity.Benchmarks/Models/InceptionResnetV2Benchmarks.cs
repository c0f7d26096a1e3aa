using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Parity.Benchmarks.Peers;
using TorchSharp;

namespace Parity.Benchmarks.Models;

/// <summary>
/// Inception-ResNet-v2 from samples/InceptionResnetV2, as the shim (legacy slim code in a tracked module)
/// and as the native port, against the hand-written TorchSharp model on the same engine
/// (<see cref="HandWritten.HandWrittenInceptionResnetV2"/>, the baseline), at two intra-op threads:
/// inference at batch 1, 299×299, and one training step at batch 1, 139×139 (<see cref="InceptionWorkload"/>).
/// </summary>
/// <remarks>
/// BenchmarkDotNet's in-process wall-clock numbers are a quick look, all models in one process. The numbers
/// to judge come from <see cref="ModelRounds"/>, which <see cref="Program"/> runs after this class: every
/// workload in a process of its own (so each peak resident memory is its own), PyTorch 1.13 among the
/// sides, in interleaved rounds with the spread of the per-round ratios.
/// </remarks>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InceptionResnetV2Benchmarks
{
    private InceptionRun? run;

    [GlobalSetup(Target = nameof(InferenceTorchSharp))]
    public void SetupInferenceTorchSharp() => Setup(InceptionModel.TorchSharp, InceptionWorkload.Inference);

    [GlobalSetup(Target = nameof(InferenceNative))]
    public void SetupInferenceNative() => Setup(InceptionModel.Native, InceptionWorkload.Inference);

    [GlobalSetup(Target = nameof(InferenceShim))]
    public void SetupInferenceShim() => Setup(InceptionModel.Shim, InceptionWorkload.Inference);

    [GlobalSetup(Target = nameof(TrainingStepTorchSharp))]
    public void SetupTrainingStepTorchSharp() => Setup(InceptionModel.TorchSharp, InceptionWorkload.TrainingStep);

    [GlobalSetup(Target = nameof(TrainingStepNative))]
    public void SetupTrainingStepNative() => Setup(InceptionModel.Native, InceptionWorkload.TrainingStep);

    [GlobalSetup(Target = nameof(TrainingStepShim))]
    public void SetupTrainingStepShim() => Setup(InceptionModel.Shim, InceptionWorkload.TrainingStep);

    [GlobalCleanup]
    public void Cleanup()
    {
        run?.Dispose();
        run = null;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(nameof(InceptionWorkload.Inference))]
    public void InferenceTorchSharp() => run!.Step();

    [Benchmark]
    [BenchmarkCategory(nameof(InceptionWorkload.Inference))]
    public void InferenceNative() => run!.Step();

    [Benchmark]
    [BenchmarkCategory(nameof(InceptionWorkload.Inference))]
    public void InferenceShim() => run!.Step();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(nameof(InceptionWorkload.TrainingStep))]
    public void TrainingStepTorchSharp() => run!.Step();

    [Benchmark]
    [BenchmarkCategory(nameof(InceptionWorkload.TrainingStep))]
    public void TrainingStepNative() => run!.Step();

    [Benchmark]
    [BenchmarkCategory(nameof(InceptionWorkload.TrainingStep))]
    public void TrainingStepShim() => run!.Step();

    private void Setup(InceptionModel model, InceptionWorkload workload)
    {
        // On the thread that runs the benchmark, before its first op there.
        torch.set_num_threads(BenchmarkThreads.Models);
        run = InceptionRun.Create(model, workload);
    }
}
