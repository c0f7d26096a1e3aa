using BenchmarkDotNet.Attributes;
using Parity.Benchmarks.Peers;
using static TorchSharp.torch;

namespace Parity.Benchmarks.Runtime;

/// <summary>
/// What tracking costs per call: the same small conv net (1×32×32×3 input, batch 1, after warm-up)
/// through [TrackVariables] + scopes + GetVariable, against native module layers. Target: the
/// tracked net at most 1.05× the native one. The raw-ops row is the floor: the same TorchSharp calls
/// on NCHW tensors with no module, scope or variable machinery at all. Each method is one forward
/// pass; the PyTorch peer (benchmarks/peer/small_conv_net.py) runs the same net once per call.
/// </summary>
[Peer("small_conv_net.py", "--threads", BenchmarkThreads.Argument)]
public class TrackingOverheadBenchmarks
{
    private TrackedConvNet tracked = null!;
    private NativeConvNet native = null!;
    private Tensor input = null!;
    private RawConvNet raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(BenchmarkThreads.Count);
        input = ones(1, 32, 32, 3);
        tracked = new TrackedConvNet();
        native = new NativeConvNet();

        // The first call creates the variables; both nets are measured afterwards.
        tracked.Call(input).Dispose();
        native.Call(input).Dispose();
        raw = new RawConvNet(native);
    }

    [GlobalCleanup]
    public void Cleanup() => input.Dispose();

    [Benchmark(Baseline = true)]
    public void NativeModules() => native.Call(input).Dispose();

    [Benchmark]
    public void RawTensorOps()
    {
        using var scope = NewDisposeScope();
        raw.Forward(input);
    }

    [Benchmark]
    public void TrackedScopedVariables() => tracked.Call(input).Dispose();
}
