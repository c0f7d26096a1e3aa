using System;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Parity;

/// <summary>
/// The lowest severity libtorch's C++ log writes to stderr. On CPUs NNPACK does not support, libtorch
/// 2.10 warns "Could not initialize NNPACK!" on every convolution it considers for NNPACK (over a
/// thousand lines for one Inception-ResNet-v2 walkthrough); the warning is harmless, libtorch simply
/// uses its other kernels. libtorch reads <c>TORCH_CPP_LOG_LEVEL</c> only when Python initializes it, so
/// this sets the flag that environment variable would have set. It is process-wide: call it from an
/// application or a test run, not from library code.
/// </summary>
public static class LibTorchLog
{
    private const string FlagSymbol = "FLAGS_caffe2_log_level";

    /// <summary>The current lowest severity libtorch writes.</summary>
    /// <exception cref="InvalidOperationException">The loaded libtorch does not export its log-level flag.</exception>
    public static LibTorchLogLevel MinimumLevel
    {
        get => (LibTorchLogLevel)Marshal.ReadInt32(Flag());
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A libtorch log level is Info, Warning, Error or Fatal.");
            }

            Marshal.WriteInt32(Flag(), (int)value);
        }
    }

    private static IntPtr Flag()
    {
        // Loading TorchSharp's native side loads libc10; asking for it by its soname then returns that copy.
        torch.InitializeDeviceType(DeviceType.CPU);
        if (NativeLibrary.TryLoad("libc10.so", out var library) && NativeLibrary.TryGetExport(library, FlagSymbol, out var flag))
        {
            return flag;
        }

        throw new InvalidOperationException($"The loaded libtorch has no exported {FlagSymbol}; its log level cannot be changed from here (libtorch {torch.__version__}).");
    }
}
