using System;
using System.Runtime.InteropServices;

namespace Parity.Torch.Interop;

/// <summary>Owns one native random generator; the finalizer frees it if nobody disposed it.</summary>
internal sealed class GeneratorHandle : SafeHandle
{
    internal GeneratorHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.pt_generator_free(handle);
        return true;
    }
}
