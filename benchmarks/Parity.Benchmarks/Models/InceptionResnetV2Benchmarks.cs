using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using Parity.Benchmarks.Peers;
using Parity.Benchmarks.Torch;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Samples.InceptionResnetV2.Native;
using Parity.Torch;

namespace Parity.Benchmarks.Models;

/// <summary>
/// Inception-ResNet-v2 from samples/InceptionResnetV2, as the shim (legacy slim code in a tracked
/// module) and as the native port, against the same network in PyTorch 1.13
/// (benchmarks/peer/inception_resnet_v2.py, NCHW, same TF paddings, same batch-norm epsilon).
/// Inference at batch 1, 299×299; a training step (forward and backward in training mode) at batch
/// 1, 139×139, the smallest comfortable size that reaches every block, to keep a run short.
/// </summary>
/// <remarks>
/// Both sides use one intra-op thread. The peer script times one PyTorch model per workload and
/// reports it under both the shim and the native method names.
/// </remarks>
[Peer("inception_resnet_v2.py", "--threads", BenchmarkThreads.Argument, "--train-size", TrainSizeArgument)]
public class InceptionResnetV2Benchmarks
{
    private const long Size = 299;
    private const long TrainSize = 139;
    private const string TrainSizeArgument = "139";

    private readonly List<string> live = [];
    private ShimInceptionResnetV2? shim;
    private NativeInceptionResnetV2? native;
    private ShimInceptionResnetV2? trainShim;
    private NativeInceptionResnetV2? trainNative;
    private Tensor? image;
    private Tensor? trainImage;

    // One setup per workload, so each BenchmarkDotNet case holds only its own model and the peak
    // resident memory printed at cleanup belongs to that workload. The first call builds the variables.
    [GlobalSetup(Target = nameof(InferenceShim))]
    public void SetupInferenceShim()
    {
        Begin(nameof(InferenceShim));
        shim = new ShimInceptionResnetV2(LegacyInception.NumClasses);
        InferenceShim();
    }

    [GlobalSetup(Target = nameof(InferenceNative))]
    public void SetupInferenceNative()
    {
        Begin(nameof(InferenceNative));
        native = new NativeInceptionResnetV2(LegacyInception.NumClasses);
        InferenceNative();
    }

    [GlobalSetup(Target = nameof(TrainingStepShim))]
    public void SetupTrainingStepShim()
    {
        Begin(nameof(TrainingStepShim));
        trainShim = new ShimInceptionResnetV2(LegacyInception.NumClasses);
        TrainingStepShim();
    }

    [GlobalSetup(Target = nameof(TrainingStepNative))]
    public void SetupTrainingStepNative()
    {
        Begin(nameof(TrainingStepNative));
        trainNative = new NativeInceptionResnetV2(LegacyInception.NumClasses);
        TrainingStepNative();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// InceptionResnetV2Benchmarks [{string.Join(", ", live)}]: peak resident memory {PeakResidentKib() / 1024} MiB");
        shim = null;
        native = null;
        trainShim = null;
        trainNative = null;
        image?.Dispose();
        trainImage?.Dispose();
        image = trainImage = null;
        live.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Benchmark]
    public void InferenceShim() => Infer(shim!);

    [Benchmark]
    public void InferenceNative() => Infer(native!);

    [Benchmark]
    public void TrainingStepShim() => TrainStep(trainShim!);

    [Benchmark]
    public void TrainingStepNative() => TrainStep(trainNative!);

    private void Begin(string workload)
    {
        Parity.Torch.Torch.SetNumThreads(BenchmarkThreads.Count);
        image ??= Tensor.Ones([1, Size, Size, 3]);
        trainImage ??= Tensor.Ones([1, TrainSize, TrainSize, 3]);
        if (live.Count == 0)
        {
            ResetPeakResident();
        }

        live.Add(workload);
    }

    private void Infer(Module<Tensor, InceptionOutput> model)
    {
        using var noGrad = Parity.Torch.Torch.NoGrad();
        using var scope = Parity.Torch.Torch.NewDisposeScope();
        model.Call(image!, training: false);
    }

    /// <summary>Forward in training mode, backward of the sum of both heads, gradients cleared: what the peer's step does.</summary>
    private void TrainStep(Module<Tensor, InceptionOutput> model)
    {
        using (var scope = Parity.Torch.Torch.NewDisposeScope())
        {
            var output = model.Call(trainImage!, training: true);
            (output.Logits.Sum() + output.AuxLogits!.Sum()).Backward();
        }

        foreach (var variable in model.TrainableVariables)
        {
            variable.Value.ZeroGrad();
        }
    }

    /// <summary>Linux resets VmHWM to the current resident size when "5" is written to clear_refs.</summary>
    private static void ResetPeakResident()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Kernels without the reset keep the process-wide peak; the printed value is then an upper bound.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static long PeakResidentKib()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
