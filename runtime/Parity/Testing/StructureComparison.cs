using System;
using System.Collections.Generic;
using System.Text;

namespace Parity.Testing;

/// <summary>The result of <see cref="VariableStructure.Compare"/>: what is missing, unexpected or different.</summary>
public sealed class StructureComparison
{
    internal StructureComparison(int actualCount, int expectedCount, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> differences)
    {
        ActualCount = actualCount;
        ExpectedCount = expectedCount;
        Missing = missing;
        Unexpected = unexpected;
        Differences = differences;
        Report = Format();
    }

    /// <summary>Number of actual variables.</summary>
    public int ActualCount { get; }

    /// <summary>Number of expected variables.</summary>
    public int ExpectedCount { get; }

    /// <summary>Expected names with no actual variable (after the name map).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Actual names (before the name map) with no expected variable.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    /// <summary>One line per shape, dtype or trainability difference between matched variables.</summary>
    public IReadOnlyList<string> Differences { get; }

    /// <summary>Whether both sets have the same variables with the same shapes, dtypes and trainability.</summary>
    public bool IsSame => Missing.Count == 0 && Unexpected.Count == 0 && Differences.Count == 0;

    /// <summary>The readable diff (or a one-line confirmation when the sets match).</summary>
    public string Report { get; }

    /// <summary>The report.</summary>
    /// <returns><see cref="Report"/>.</returns>
    public override string ToString() => Report;

    private string Format()
    {
        if (IsSame)
        {
            return $"Variable structures match: {ActualCount} variables with the same names, shapes, dtypes and trainability.";
        }

        var text = new StringBuilder($"Variable structures differ: {ActualCount} actual, {ExpectedCount} expected.");
        Section(text, "Missing (expected, not created)", Missing);
        Section(text, "Unexpected (created, not expected)", Unexpected);
        Section(text, "Different", Differences);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.AppendLine().Append(title).Append(" (").Append(lines.Count).Append("):");
        foreach (var line in lines)
        {
            text.AppendLine().Append("  ").Append(line);
        }
    }
}
