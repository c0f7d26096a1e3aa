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
    /// <summary>The hash of no characters, to start <see cref="Hash(int, char)"/> from.</summary>
    public const int EmptyHash = unchecked((int)2166136261);

    // Open hashing on the low bits of the hash: the names are few, so a bucket rarely holds more than one.
    private readonly string[]?[] buckets;
    private readonly int mask;

    // The first characters of the names, one bit per ASCII character (a name starting outside ASCII sets
    // every bit): most identifiers in a forward pass start with a letter no name starts with, and need not be
    // hashed at all.
    private readonly ulong firstCharsLow;
    private readonly ulong firstCharsHigh;

    /// <summary>Creates a table of <paramref name="names"/>.</summary>
    public NameTable(IEnumerable<string> names)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var size = 16;
        while (size < 2 * distinct.Count)
        {
            size *= 2;
        }

        mask = size - 1;
        buckets = new string[]?[size];
        foreach (var group in distinct.GroupBy(name => Hash(name.ToCharArray(), 0, name.Length) & mask))
        {
            buckets[group.Key] = group.ToArray();
        }

        foreach (var name in distinct.Where(name => name.Length > 0))
        {
            var first = name[0];
            if (first >= 0x80)
            {
                firstCharsLow = firstCharsHigh = ulong.MaxValue;
            }
            else if (first < 64)
            {
                firstCharsLow |= 1UL << first;
            }
            else
            {
                firstCharsHigh |= 1UL << (first - 64);
            }
        }
    }

    /// <summary>False when no name starts with <paramref name="first"/>, so an identifier starting with it needs no lookup.</summary>
    public bool MayStartWith(char first)
        => first >= 0x80 || ((first < 64 ? firstCharsLow >> first : firstCharsHigh >> (first - 64)) & 1) != 0;

    /// <summary>True when <paramref name="name"/> is one of the names.</summary>
    public bool Contains(string name) => Find(name.ToCharArray(), 0, name.Length) is not null;

    /// <summary>The name that <paramref name="length"/> characters of <paramref name="chars"/> from <paramref name="start"/> spell, or null when they spell none.</summary>
    public string? Find(char[] chars, int start, int length) => Find(chars, start, length, Hash(chars, start, length));

    /// <summary>
    /// As <see cref="Find(char[], int, int)"/>, given the characters' <paramref name="hash"/> (from
    /// <see cref="EmptyHash"/> and <see cref="Hash(int, char)"/>), so a scan that reads them anyway hashes as it goes.
    /// </summary>
    public string? Find(char[] chars, int start, int length, int hash)
    {
        if (buckets[hash & mask] is not { } candidates)
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

    /// <summary>One step of the hash (FNV-1a): cheap, and collisions only cost a comparison.</summary>
    public static int Hash(int hash, char c) => unchecked((hash ^ c) * 16777619);

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

    private static int Hash(char[] chars, int start, int length)
    {
        var hash = EmptyHash;
        for (var i = start; i < start + length; i++)
        {
            hash = Hash(hash, chars[i]);
        }

        return hash;
    }
}
