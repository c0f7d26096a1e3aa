using BenchmarkDotNet.Attributes;
using Parity.Benchmarks.Peers;
using Parity.Testing;
using static TorchSharp.torch;

namespace Parity.Benchmarks.Assertions;

/// <summary>
/// TensorAssert.Compare on two 100-million-element float32 tensors that are close (the common,
/// passing case), against the plain TorchSharp check a test author would otherwise write,
/// |a − b| then max, measured in the same run. Target: at most 2× the plain check.
/// </summary>
[MemoryDiagnoser]
public class AllCloseBenchmarks
{
    private const long Elements = 100_000_000;

    private Tensor actual = null!;
    private Tensor expected = null!;

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(BenchmarkThreads.Count);
        using var generator = new Generator(0);
        expected = randn([Elements], generator: generator);
        using var noise = empty([Elements]).uniform_(-1e-6, 1e-6, generator);
        actual = expected + noise;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        actual.Dispose();
        expected.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double PlainSubAbsMax()
    {
        using var scope = NewDisposeScope();
        return (actual - expected).abs().max().item<float>();
    }

    [Benchmark]
    public bool AllClose() => TensorAssert.Compare(actual, expected).IsClose;
}
