using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

/// <summary>
/// An explicitly seeded random stream (libtorch's CPU generator, the Mersenne Twister PyTorch uses),
/// so a seed gives the same draws here as <c>torch.Generator().manual_seed(seed)</c> in Python.
/// </summary>
/// <remarks>
/// Each draw locks the generator, so threads may share one safely, but then the order in which
/// they draw (and so who gets which numbers) is up to the scheduler: give each thread its own
/// generator when results must be reproducible. Dispose it only after every draw has returned.
/// </remarks>
public sealed class Generator : IDisposable
{
    private readonly GeneratorHandle _owner;
    private IntPtr _handle;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed.</param>
    public Generator(ulong seed)
    {
        _handle = NativeError.Check(NativeMethods.pt_generator_new(seed));
        _owner = new GeneratorHandle(_handle);
    }

    /// <summary>The seed the stream was last (re)started from.</summary>
    public unsafe ulong Seed
    {
        get
        {
            ulong seed;
            NativeError.Check(NativeMethods.pt_generator_seed(Handle, &seed));
            GC.KeepAlive(this);
            return seed;
        }
    }

    internal IntPtr Handle =>
        _handle != IntPtr.Zero
            ? _handle
            : throw new ObjectDisposedException(nameof(Generator), "This generator was disposed; create a new Generator(seed).");

    /// <summary>Restarts the stream from <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>This generator.</returns>
    public Generator ManualSeed(ulong seed)
    {
        NativeError.Check(NativeMethods.pt_generator_set_seed(Handle, seed));
        GC.KeepAlive(this);
        return this;
    }

    /// <summary>Frees the native generator.</summary>
    public void Dispose()
    {
        _handle = IntPtr.Zero;
        _owner.Dispose();
    }

    /// <summary>The handle to pass to a random op: the generator's, or zero for libtorch's default one.</summary>
    internal static IntPtr HandleOf(Generator? generator) => generator?.Handle ?? IntPtr.Zero;
}
