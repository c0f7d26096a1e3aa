using System;
using System.Runtime.InteropServices;

namespace Parity.Torch.Interop;

/// <summary>Turns the native error convention (null handle or non-zero status) into <see cref="TorchException"/>.</summary>
internal static class NativeError
{
    internal static IntPtr Check(IntPtr handle)
    {
        if (handle == IntPtr.Zero)
        {
            Throw();
        }

        return handle;
    }

    internal static void Check(int status)
    {
        if (status != 0)
        {
            Throw();
        }
    }

    internal static string LastMessage() =>
        Marshal.PtrToStringUTF8(NativeMethods.pt_last_error()) ?? "unknown native error";

    private static void Throw() => throw new TorchException(LastMessage());
}
