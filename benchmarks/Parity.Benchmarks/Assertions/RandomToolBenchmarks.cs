using BenchmarkDotNet.Attributes;
using Parity.Benchmarks.Peers;
using Parity.Randomness;
using static TorchSharp.torch;

namespace Parity.Benchmarks.Assertions;

/// <summary>
/// What a DeterministicRandomTestTool adds to each random op: the same one-element draw outside
/// any scope (the global generator) and inside a tool scope in each mode. The difference per
/// operation is the tool's overhead. Target: at most 5 µs per op.
/// </summary>
public class RandomToolBenchmarks
{
    private const int Draws = 1000;
    private static readonly long[] Shape = [1];

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(BenchmarkThreads.Count);
        RandomOps.SetSeed(0);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Draws)]
    public void GlobalGenerator() => DrawMany();

    [Benchmark(OperationsPerInvoke = Draws)]
    public void ConstantTool()
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        DrawMany();
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    public void NumRandomOpsTool()
    {
        using var scope = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope();
        DrawMany();
    }

    private static void DrawMany()
    {
        for (var i = 0; i < Draws; i++)
        {
            RandomOps.Uniform(Shape, 0, 1).Dispose();
        }
    }
}
