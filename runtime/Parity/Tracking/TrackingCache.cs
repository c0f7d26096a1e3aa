using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace Parity;

/// <summary>
/// Answers, once per module type, whether the most-derived override of <c>Forward</c> carries
/// <see cref="TrackVariablesAttribute"/>: the attribute alone switches tracking on.
/// </summary>
internal static class TrackingCache
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly ConcurrentDictionary<Type, bool> Cache = new();

    /// <param name="moduleType">The runtime type of the module.</param>
    /// <param name="baseType">The constructed <c>Module&lt;TIn, TOut&gt;</c> that declares the abstract <c>Forward</c>.</param>
    public static bool IsTracked(Type moduleType, Type baseType) =>
        Cache.GetOrAdd(moduleType, static (type, declaring) => Compute(type, declaring), baseType);

    private static bool Compute(Type moduleType, Type baseType)
    {
        var abstractForward = baseType.GetMethod("Forward", Declared)
            ?? throw new InvalidOperationException($"{baseType} has no Forward method.");
        for (var type = moduleType; type is not null && type != baseType; type = type.BaseType)
        {
            foreach (var method in type.GetMethods(Declared))
            {
                if (method.Name == "Forward" && IsOverrideOf(method, abstractForward))
                {
                    // The most-derived override decides; inherit: true also honours a marked override it overrides in turn.
                    return Attribute.IsDefined(method, typeof(TrackVariablesAttribute), inherit: true);
                }
            }
        }

        return false;
    }

    private static bool IsOverrideOf(MethodInfo method, MethodInfo abstractForward)
    {
        var root = method.GetBaseDefinition();
        return root.Module == abstractForward.Module && root.MetadataToken == abstractForward.MetadataToken;
    }
}
