using System;
using System.Text;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>Explains how two source texts differ: the first differing line, then the whole actual text to paste.</summary>
internal static class TextDifference
{
    /// <summary>A readable description of the first difference and the full actual text.</summary>
    public static string Describe(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var message = new StringBuilder();
        message.AppendLine($"First difference at line {line + 1}:");
        message.AppendLine("  expected: " + Visible(line < expectedLines.Length ? expectedLines[line] : "<end of text>"));
        message.AppendLine("  actual:   " + Visible(line < actualLines.Length ? actualLines[line] : "<end of text>"));
        message.AppendLine("Actual text:");
        message.AppendLine("\"\"\"");
        message.AppendLine(actual);
        message.AppendLine("\"\"\"");
        return message.ToString();
    }

    private static string Visible(string line) => line.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
