using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;

namespace Parity;

/// <summary>
/// Names the line of user code that asked the store for a variable, for errors that must point at two
/// places (a name used by two layers). Parity's own frames and layer functions are skipped: the line a
/// user can change is the one that called the layer.
/// </summary>
internal static class CallSite
{
    /// <summary>The first frame of the current stack outside Parity, the base library and layer functions.</summary>
    public static string OfCaller()
    {
        foreach (var frame in new StackTrace(1, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod() is not { DeclaringType: { } type } method || IsLibrary(type, method))
            {
                continue;
            }

            var file = frame.GetFileName();
            var line = file is null ? string.Empty : $" ({Path.GetFileName(file)}:line {frame.GetFileLineNumber()})";
            return $"at {Outer(type).FullName}.{method.Name}{line}";
        }

        return "at a place outside user code";
    }

    private static bool IsLibrary(Type type, MethodBase method) =>
        type.Assembly == typeof(CallSite).Assembly
        || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true
        || type.Namespace?.StartsWith("TorchSharp", StringComparison.Ordinal) == true
        || method.IsDefined(typeof(RequiresVariableStoreAttribute), inherit: false)
        || method.IsDefined(typeof(ScopedLayerAttribute), inherit: false);

    /// <summary>A lambda's compiler-made class reads as the class it was written in.</summary>
    private static Type Outer(Type type)
    {
        while (type.Name.StartsWith('<') && type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }
}
