using System;
using System.Collections.Generic;
using System.Text;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>
/// Reads the markup of analyzer tests: <c>[|code|]</c> expects the analyzer's only diagnostic there,
/// <c>{|PAR1001:code|}</c> or <c>{|CS0103:code|}</c> expects that id, and <c>{|#0:code|}</c> names a
/// location that an expected diagnostic binds with <c>WithLocation(0)</c>. Markers nest.
/// </summary>
internal static class TestMarkup
{
    /// <summary>Removes the markers and returns the plain source with every marked span.</summary>
    public static (string Source, IReadOnlyList<MarkedSpan> Spans) Parse(string markup, string path)
    {
        var output = new StringBuilder(markup.Length);
        var open = new Stack<(string? Label, int Start, int Line, int Column, bool Braced)>();
        var spans = new List<MarkedSpan>();
        var line = 1;
        var column = 1;

        for (var i = 0; i < markup.Length; i++)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, output.Length, line, column, false));
                i++;
                continue;
            }

            if (At(markup, i, "{|") && markup.IndexOf(':', i) is var colon and > 0 && IsLabel(markup, i + 2, colon))
            {
                open.Push((markup.Substring(i + 2, colon - i - 2), output.Length, line, column, true));
                i = colon;
                continue;
            }

            if (At(markup, i, "|]") || At(markup, i, "|}"))
            {
                var braced = markup[i + 1] == '}';
                if (open.Count == 0 || open.Peek().Braced != braced)
                {
                    throw new FormatException($"Unbalanced markup '{markup.Substring(i, 2)}' at {path}({line},{column}).");
                }

                var start = open.Pop();
                spans.Add(new MarkedSpan(start.Label, path, start.Line, start.Column, line, column));
                i++;
                continue;
            }

            output.Append(markup[i]);
            if (markup[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Markup opened at {path}({open.Peek().Line},{open.Peek().Column}) is never closed.");
        }

        return (output.ToString(), spans);
    }

    private static bool At(string text, int index, string token)
        => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static bool IsLabel(string text, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (!char.IsLetterOrDigit(text[i]) && text[i] != '#' && text[i] != '_')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A span taken from test markup; <see cref="Label"/> is null for <c>[|...|]</c>.</summary>
internal sealed record MarkedSpan(string? Label, string Path, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The location index of a <c>{|#n:...|}</c> marker, or null for other markers.</summary>
    public int? LocationIndex => Label is { } label && label.StartsWith('#') ? int.Parse(label.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) : null;
}
