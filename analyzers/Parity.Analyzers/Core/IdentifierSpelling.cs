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
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= 0x80 || (chars[i] == '\\' && i + 1 < chars.Length && chars[i + 1] is 'u' or 'U'))
            {
                return true;
            }
        }

        return false;
    }
}
