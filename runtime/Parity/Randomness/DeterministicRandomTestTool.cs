using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Randomness;

/// <summary>
/// Makes every random op of the runtime (initializers, dropout, <see cref="RandomOps"/>) draw from a
/// seed that depends only on the tool's seed and an operation seed, so a legacy-graph model and its
/// module-style migration draw the same numbers when run inside <see cref="Scope"/>.
/// </summary>
/// <remarks>
/// <para>
/// Scopes are async-local: each test (or task) sees only the scopes it opened, so parallel tests
/// with their own tools never interfere. Inside nested scopes the innermost tool applies.
/// </para>
/// <para>
/// Opening a scope also seeds TorchSharp's default generator with <see cref="Seed"/> (what
/// <c>torch.manual_seed(Seed)</c> does), so TorchSharp's own layers constructed inside it, and ops
/// such as <c>nn.Dropout</c> that take no generator, are reproducible too and match PyTorch seeded
/// the same way; leaving the scope puts back the state the default generator had before. That
/// generator is one per process, not per async flow: tests that rely on it inside a scope must not
/// run in parallel with other code that draws from it (mark them <c>[NonParallelizable]</c>).
/// </para>
/// </remarks>
public sealed class DeterministicRandomTestTool
{
    private static readonly AsyncLocal<ScopeFrame?> CurrentFrame = new();

    private readonly object gate = new();
    private readonly HashSet<long> usedSeeds = new();
    private long operationSeed;
    private Generator? generator;

    /// <summary>Creates a tool; random ops obey it only inside <see cref="Scope"/>.</summary>
    /// <param name="seed">The seed combined with every operation seed.</param>
    /// <param name="mode">How operation seeds are chosen.</param>
    /// <exception cref="ArgumentOutOfRangeException">The mode is not a defined <see cref="DeterministicRandomMode"/>.</exception>
    public DeterministicRandomTestTool(ulong seed = 42, DeterministicRandomMode mode = DeterministicRandomMode.Constant)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(
                nameof(mode),
                mode,
                $"Unknown random tool mode {(int)mode}; use DeterministicRandomMode.Constant (one seed for every op) " +
                "or DeterministicRandomMode.NumRandomOps (op seeds 0, 1, 2, ... in program order).");
        }

        Seed = seed;
        Mode = mode;
    }

    /// <summary>The seed combined with every operation seed.</summary>
    public ulong Seed { get; }

    /// <summary>How operation seeds are chosen.</summary>
    public DeterministicRandomMode Mode { get; }

    /// <summary>
    /// The operation seed the next random op will use. In <see cref="DeterministicRandomMode.NumRandomOps"/>
    /// mode it is the number of random ops observed so far unless set explicitly, which lets a test
    /// make two program orders draw the same numbers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public long OperationSeed
    {
        get
        {
            lock (gate)
            {
                return operationSeed;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (gate)
            {
                operationSeed = value;
            }
        }
    }

    /// <summary>The innermost tool whose scope is open in the current async flow, or null.</summary>
    internal static DeterministicRandomTestTool? Current => CurrentFrame.Value?.Tool;

    /// <summary>
    /// Opens a scope in which every random op of the runtime obeys this tool, and seeds TorchSharp's
    /// default generator with <see cref="Seed"/> (see the remarks). Dispose it to leave; scopes must
    /// be left in the reverse order they were opened.
    /// </summary>
    /// <returns>The scope; disposing it restores the previous one.</returns>
    public IDisposable Scope()
    {
        var frame = new ScopeFrame(this, CurrentFrame.Value);
        CurrentFrame.Value = frame;
        return frame;
    }

    /// <summary>
    /// Consumes one operation seed and runs <paramref name="draw"/> with a generator freshly seeded
    /// from (seed, operation seed).
    /// </summary>
    /// <remarks>
    /// One generator per tool is re-seeded for every op rather than a new one made: re-seeding
    /// resets it completely, and skipping the native allocation keeps the per-op overhead small.
    /// The lock keeps the seed bookkeeping and the draw together when tasks share a tool.
    /// </remarks>
    internal Tensor Draw(Func<Generator, Tensor> draw)
    {
        lock (gate)
        {
            var seed = CombineSeeds(Seed, TakeOperationSeed());
            if (generator is null)
            {
                generator = new Generator(seed);
            }
            else
            {
                // libtorch reads the seed as the uint64 it is; the signed type is only TorchSharp's.
                generator.manual_seed(unchecked((long)seed));
            }

            return draw(generator);
        }
    }

    /// <summary>Consumes one operation seed according to the mode and returns it; the caller holds the lock.</summary>
    private long TakeOperationSeed()
    {
        var seed = operationSeed;
        if (Mode == DeterministicRandomMode.Constant)
        {
            return seed;
        }

        if (!usedSeeds.Add(seed))
        {
            throw new InvalidOperationException(OverlapMessage(seed));
        }

        operationSeed = seed + 1;
        return seed;
    }

    private string OverlapMessage(long seed)
    {
        var used = string.Join(", ", usedSeeds.Order().Take(20)) + (usedSeeds.Count > 20 ? ", ..." : string.Empty);
        return $"This DeterministicRandomTestTool (NumRandomOps mode) would reuse operation seed {seed}, " +
               $"which an earlier random op already used (used seeds: {used}). A reused seed repeats numbers that " +
               "the legacy-graph side draws only once, so the two sides could no longer be matched. This usually means " +
               "OperationSeed was set explicitly to a value from which the automatically incremented sequence runs into " +
               $"seeds already used: start the later sequence above {usedSeeds.Max()} so the sequences cannot overlap.";
    }

    /// <summary>
    /// Mixes the tool seed and the operation seed into one generator seed (SplitMix64 finalizer), so
    /// nearby pairs such as (42, 0) and (42, 1) give unrelated streams.
    /// </summary>
    internal static ulong CombineSeeds(ulong seed, long operation)
    {
        var z = seed ^ unchecked((ulong)operation * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private sealed class ScopeFrame : IDisposable
    {
        // The default generator's state from before the scope, put back when it closes.
        private readonly Tensor savedDefaultState;
        private bool disposed;

        public ScopeFrame(DeterministicRandomTestTool tool, ScopeFrame? parent)
        {
            Tool = tool;
            Parent = parent;
            using var defaultGenerator = Generator.Default;

            // The saved state must outlive whatever dispose scope the caller has open.
            savedDefaultState = defaultGenerator.get_state().DetachFromDisposeScope();
            defaultGenerator.manual_seed(unchecked((long)tool.Seed));
        }

        public DeterministicRandomTestTool Tool { get; }

        public ScopeFrame? Parent { get; }

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            if (!ReferenceEquals(CurrentFrame.Value, this))
            {
                throw new InvalidOperationException(
                    "A DeterministicRandomTestTool scope was disposed while an inner scope was still open, or from a " +
                    "different async flow than the one that opened it. Dispose scopes in reverse order, with `using`.");
            }

            disposed = true;
            CurrentFrame.Value = Parent;
            using (var defaultGenerator = Generator.Default)
            {
                defaultGenerator.set_state(savedDefaultState);
            }

            savedDefaultState.Dispose();
        }
    }
}
