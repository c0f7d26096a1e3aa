using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

/// <summary>Process- and thread-level switches of the tensor engine.</summary>
public static class Torch
{
    /// <summary>Whether operations are recorded for autograd on the calling thread.</summary>
    public static bool IsGradEnabled => NativeMethods.pt_grad_enabled() != 0;

    /// <summary>Stops recording operations for autograd on this thread until the returned scope is disposed.</summary>
    /// <returns>A scope that restores the previous setting.</returns>
    public static GradModeScope NoGrad() => new(enabled: false);

    /// <summary>Records operations for autograd on this thread (inside a <see cref="NoGrad"/> block) until the returned scope is disposed.</summary>
    /// <returns>A scope that restores the previous setting.</returns>
    public static GradModeScope EnableGrad() => new(enabled: true);

    /// <summary>Opens a dispose scope for the calling async flow (this code, what it awaits and the tasks it starts): tensors created there until it is disposed are disposed with it.</summary>
    /// <returns>The new innermost scope.</returns>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Seeds libtorch's default generator (the one random ops use when given no <see cref="Generator"/>).</summary>
    /// <param name="seed">The seed.</param>
    public static void ManualSeed(ulong seed) => NativeError.Check(NativeMethods.pt_generator_set_seed(IntPtr.Zero, seed));

    /// <summary>
    /// Sets the number of threads libtorch uses inside one operation, for every OS thread of the
    /// process, including threads that already ran operations: each applies the count at its next
    /// operation. Until this is called the count is 1 (tests already run in parallel, and waiting
    /// OpenMP threads stall on a busy machine), unless the <c>OMP_NUM_THREADS</c> or
    /// <c>MKL_NUM_THREADS</c> environment variable sets it; raise it for a single large model.
    /// </summary>
    /// <param name="count">A positive thread count.</param>
    public static void SetNumThreads(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        NativeError.Check(NativeMethods.pt_set_num_threads(count));
    }

    /// <summary>The number of threads libtorch uses inside one operation run on the calling thread.</summary>
    /// <returns>The thread count.</returns>
    public static int GetNumThreads()
    {
        var count = NativeMethods.pt_get_num_threads();
        return count > 0 ? count : throw new TorchException(NativeError.LastMessage());
    }
}
