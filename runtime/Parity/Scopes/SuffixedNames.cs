using System.Collections.Concurrent;
using System.Globalization;

namespace Parity;

/// <summary>
/// <c>base_1</c>, <c>base_2</c>, ...: the candidate names of unnamed layers, made once and shared, since
/// every call of a forward pass walks the same candidates again. Only small indices are kept: unnamed
/// root layers count up forever, and their names are not worth keeping.
/// </summary>
internal static class SuffixedNames
{
    private const int CachedIndices = 64;
    private static readonly ConcurrentDictionary<(string Base, int Index), string> Cache = new();

    public static string Of(string baseName, int index) =>
        index < CachedIndices
            ? Cache.GetOrAdd((baseName, index), static key => Make(key.Base, key.Index))
            : Make(baseName, index);

    private static string Make(string baseName, int index) => string.Create(CultureInfo.InvariantCulture, $"{baseName}_{index}");
}
