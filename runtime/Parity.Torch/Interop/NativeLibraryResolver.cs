using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Parity.Torch.Interop;

/// <summary>
/// Finds libparity_native.so under runtimes/linux-x64/native next to the assembly, where the build
/// places it, so that neither tests nor apps need LD_LIBRARY_PATH.
/// </summary>
internal static class NativeLibraryResolver
{
    internal const string LibraryName = "parity_native";

    private const string RelativePath = "runtimes/linux-x64/native/libparity_native.so";

    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        foreach (var directory in new[] { Path.GetDirectoryName(assembly.Location), AppContext.BaseDirectory })
        {
            if (string.IsNullOrEmpty(directory))
            {
                continue;
            }

            var candidate = Path.Combine(directory, RelativePath);
            if (File.Exists(candidate))
            {
                // Load (not TryLoad) so a missing libtorch surfaces the loader's own message.
                return NativeLibrary.Load(candidate);
            }
        }

        return IntPtr.Zero;
    }
}
