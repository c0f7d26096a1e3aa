using System.Text;

namespace Parity.Benchmarks.Analyzers;

/// <summary>A tiny indenting writer so generated code reads like hand-written code.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public void Line(string line = "")
    {
        text.Append(line.Length == 0 ? "" : new string(' ', depth * 4)).Append(line).Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        depth++;
    }

    public void Close()
    {
        depth--;
        Line("}");
    }

    public override string ToString() => text.ToString();
}
