using System;
using System.Collections.Generic;
using System.Linq;

namespace Parity.Analyzers.Core;

/// <summary>
/// A fixed set of identifiers that can be asked about a run of characters without making a string of it:
/// the scan of a method's text looks up every identifier it meets, and allocating each would cost more
/// than the walk it replaces.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<int, string[]> byHash;

    /// <summary>Creates a table of <paramref name="names"/>.</summary>
    public NameTable(IEnumerable<string> names)
    {
        byHash = names.Distinct(StringComparer.Ordinal)
            .GroupBy(name => Hash(name.ToCharArray(), 0, name.Length))
            .ToDictionary(group => group.Key, group => group.ToArray());
    }

    /// <summary>True when <paramref name="name"/> is one of the names.</summary>
    public bool Contains(string name) => Find(name.ToCharArray(), 0, name.Length) is not null;

    /// <summary>The name that <paramref name="length"/> characters of <paramref name="chars"/> from <paramref name="start"/> spell, or null when they spell none.</summary>
    public string? Find(char[] chars, int start, int length)
    {
        if (!byHash.TryGetValue(Hash(chars, start, length), out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (candidate.Length == length && Spells(candidate, chars, start))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool Spells(string name, char[] chars, int start)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != chars[start + i])
            {
                return false;
            }
        }

        return true;
    }

    // FNV-1a: cheap, and the names are few, so collisions only cost a comparison.
    private static int Hash(char[] chars, int start, int length)
    {
        unchecked
        {
            var hash = (int)2166136261;
            for (var i = start; i < start + length; i++)
            {
                hash = (hash ^ chars[i]) * 16777619;
            }

            return hash;
        }
    }
}
