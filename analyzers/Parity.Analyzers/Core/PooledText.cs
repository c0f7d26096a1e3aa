using System;
using System.Buffers;
using Microsoft.CodeAnalysis.Text;

namespace Parity.Analyzers.Core;

/// <summary>
/// A span of source text copied into a pooled buffer, for the rules that search text instead of walking
/// syntax: a string per search would allocate the text of a whole code base again for every rule.
/// Dispose returns the buffer.
/// </summary>
internal readonly struct PooledText : IDisposable
{
    /// <summary>Copies <paramref name="span"/> of <paramref name="text"/>.</summary>
    public PooledText(SourceText text, TextSpan span)
    {
        Chars = ArrayPool<char>.Shared.Rent(Math.Max(span.Length, 1));
        Length = span.Length;
        text.CopyTo(span.Start, Chars, 0, span.Length);
    }

    /// <summary>The buffer; only its first <see cref="Length"/> characters are the text.</summary>
    public char[] Chars { get; }

    /// <summary>The number of characters copied.</summary>
    public int Length { get; }

    /// <summary>The copied characters.</summary>
    public ReadOnlySpan<char> Span => new(Chars, 0, Length);

    /// <inheritdoc/>
    public void Dispose() => ArrayPool<char>.Shared.Return(Chars);
}
