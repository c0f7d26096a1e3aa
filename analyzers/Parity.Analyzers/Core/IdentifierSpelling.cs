using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Parity.Analyzers.Core;

/// <summary>
/// Whether a text search for an identifier's name can be trusted on a span of source: the searches that
/// stand in for syntax walks fall back to the walk where it cannot.
/// </summary>
internal static class IdentifierSpelling
{
    /// <summary>
    /// True when <paramref name="chars"/> holds a <c>\u</c> or <c>\U</c> escape, the one way plain ASCII text can
    /// spell an identifier's letters other than as they read.
    /// </summary>
    public static bool HasUnicodeEscape(ReadOnlySpan<char> chars)
        => chars.IndexOf("\\u".AsSpan()) >= 0 || chars.IndexOf("\\U".AsSpan()) >= 0;

    /// <summary>
    /// True when <paramref name="chars"/> may hide a name inside a longer spelling: a <c>\u</c> escape or a
    /// formatting character (Unicode category Cf, such as a soft hyphen or a zero-width joiner), which an
    /// identifier may hold and its name leaves out. Other text outside ASCII cannot hide a name: identifiers are
    /// compared as written, without normalisation, so a name's other spellings are other names.
    /// </summary>
    /// <remarks>
    /// Comments and strings often hold text outside ASCII, and a search that gave up on all of it would send
    /// whole files to the syntax walk for nothing. The characters are read a vector at a time, and only a
    /// vector holding one outside ASCII is looked at closely, since whole files are read.
    /// </remarks>
    public static bool MayHideNames(ReadOnlySpan<char> chars)
        => HasUnicodeEscape(chars) || HasFormattingCharacter(chars);

    private static bool HasFormattingCharacter(ReadOnlySpan<char> chars)
    {
        var width = Vector<ushort>.Count;
        var vectors = MemoryMarshal.Cast<char, Vector<ushort>>(chars);
        var ascii = new Vector<ushort>(0x7F);
        for (var i = 0; i < vectors.Length; i++)
        {
            if (Vector.GreaterThanAny(vectors[i], ascii) && HasFormattingCharacterOneByOne(chars.Slice(i * width, width)))
            {
                return true;
            }
        }

        return HasFormattingCharacterOneByOne(chars.Slice(vectors.Length * width));
    }

    private static bool HasFormattingCharacterOneByOne(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            if (c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }
}
