using System;

namespace Parity.Analyzers.Core;

/// <summary>
/// Whether a text search for an identifier's name can be trusted on a span of source: the searches that
/// stand in for syntax walks fall back to the walk where it cannot.
/// </summary>
internal static class IdentifierSpelling
{
    /// <summary>
    /// True when <paramref name="chars"/> may spell an identifier other than as its name reads: a <c>\u</c> or
    /// <c>\U</c> escape, or any character outside ASCII (a formatting character inside an identifier is not part
    /// of its name).
    /// </summary>
    public static bool MayDifferFromNames(ReadOnlySpan<char> chars)
    {
        if (HasUnicodeEscape(chars))
        {
            return true;
        }

        foreach (var c in chars)
        {
            if (c >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="chars"/> holds a <c>\u</c> or <c>\U</c> escape, the one way plain ASCII text can
    /// spell an identifier's letters other than as they read.
    /// </summary>
    /// <remarks>
    /// <see cref="NamedInvocations"/> asks only this half of <see cref="MayDifferFromNames"/>: it searches
    /// whole files, where comments often hold text outside ASCII, and falling back to the syntax walk there
    /// would undo the search. A callee name holding a formatting character is missed as a result.
    /// </remarks>
    public static bool HasUnicodeEscape(ReadOnlySpan<char> chars)
        => chars.IndexOf("\\u".AsSpan()) >= 0 || chars.IndexOf("\\U".AsSpan()) >= 0;
}
