namespace Parity.Benchmarks.Peers;

/// <summary>
/// The intra-op thread counts both sides use, set explicitly because the two stacks default differently
/// (TorchSharp uses every core, Debian's Python torch one thread).
/// </summary>
public static class BenchmarkThreads
{
    /// <summary>
    /// Per-call overhead benchmarks (tracking, assertions, the random tool): one thread keeps runs steady on
    /// a shared machine, and their thread-CPU clock (<see cref="ThreadCpuClock"/>) then sees all the work.
    /// </summary>
    public const int Count = 1;

    /// <summary><see cref="Count"/> as a peer script's --threads argument.</summary>
    public const string Argument = "1";

    /// <summary>
    /// Whole models: two threads on both sides. At one thread Debian's PyTorch 1.13 sends 1x1 convolutions
    /// to its reference BLAS, about ten times slower than at two; libtorch 2.10 has no such cliff.
    /// </summary>
    public const int Models = 2;
}
