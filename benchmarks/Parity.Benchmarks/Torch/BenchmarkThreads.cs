namespace Parity.Benchmarks.Torch;

/// <summary>
/// The intra-op thread count both sides use. Set explicitly because the two stacks default
/// differently (libtorch from .NET uses every core, Debian's Python torch starts with one); one
/// thread also keeps runs steady on a shared machine.
/// </summary>
public static class BenchmarkThreads
{
    public const int Count = 1;

    /// <summary><see cref="Count"/> as the peer script's --threads argument.</summary>
    public const string Argument = "1";
}
