using BenchmarkDotNet.Attributes;
using Parity.Benchmarks.Torch;
using Parity.Testing;
using Parity.Torch;

namespace Parity.Benchmarks.Assertions;

/// <summary>
/// TensorAssert.Compare on two 100-million-element float32 tensors that are close (the common,
/// passing case), against the plain libtorch check a test author would otherwise write,
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
        Parity.Torch.Torch.SetNumThreads(BenchmarkThreads.Count);
        using var generator = new Generator(0);
        expected = Tensor.RandNormal([Elements], generator: generator);
        using var noise = Tensor.RandUniform([Elements], -1e-6, 1e-6, DType.Float32, generator);
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
        using var scope = Parity.Torch.Torch.NewDisposeScope();
        return (actual - expected).Abs().Max().ToDouble();
    }

    [Benchmark]
    public bool AllClose() => TensorAssert.Compare(actual, expected).IsClose;
}
