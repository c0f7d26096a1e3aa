using System;
using System.Runtime.InteropServices;

namespace Parity.Torch.Interop;

/// <summary>Owns one native tensor reference; the finalizer frees it if nobody disposed it.</summary>
internal sealed class TensorHandle : SafeHandle
{
    // Native bytes reported to the GC for this handle (0 when none were reported).
    private long _pressure;

    internal TensorHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>
    /// Tells the GC that this small object keeps <paramref name="bytes"/> of native memory alive, so
    /// that code which never disposes tensors still triggers collections (and so finalizers) in time.
    /// </summary>
    internal void ReportNativeBytes(long bytes)
    {
        if (_pressure == 0 && bytes > 0)
        {
            _pressure = bytes;
            GC.AddMemoryPressure(bytes);
        }
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.pt_free(handle);
        if (_pressure > 0)
        {
            GC.RemoveMemoryPressure(_pressure);
        }

        return true;
    }
}
