using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Parity.Testing;

/// <summary>The result of an <see cref="EndpointComparison"/> comparison: one row per endpoint, in the reference's order.</summary>
public sealed class EndpointReport
{
    internal EndpointReport(IReadOnlyList<EndpointRow> rows)
    {
        Rows = rows;
        FirstDivergent = rows.FirstOrDefault(row => !row.IsClose);
        Table = Format();
    }

    /// <summary>The rows: expected endpoints in order, then unexpected actual ones.</summary>
    public IReadOnlyList<EndpointRow> Rows { get; }

    /// <summary>The first endpoint that is missing or outside tolerance: where divergence starts; null when all are close.</summary>
    public EndpointRow? FirstDivergent { get; }

    /// <summary>Whether every endpoint exists on both sides and is close.</summary>
    public bool IsClose => FirstDivergent is null;

    /// <summary>The table of endpoints with their greatest differences and verdicts.</summary>
    public string Table { get; }

    /// <summary>The table.</summary>
    /// <returns><see cref="Table"/>.</returns>
    public override string ToString() => Table;

    private string Format()
    {
        var nameWidth = Rows.Select(row => row.Name.Length).Append("endpoint".Length).Max();
        var shapeWidth = Rows.Select(row => ShapeText(row).Length).Append("shape".Length).Max();
        var text = new StringBuilder();
        text.Append("endpoint".PadRight(nameWidth)).Append("  ").Append("shape".PadRight(shapeWidth))
            .Append("  ").Append("max abs".PadRight(12)).Append("  ").Append("max rel".PadRight(12)).Append("  verdict");
        foreach (var row in Rows)
        {
            text.AppendLine().Append(row.Name.PadRight(nameWidth)).Append("  ").Append(ShapeText(row).PadRight(shapeWidth))
                .Append("  ").Append(Number(row, row.MaxAbsolute).PadRight(12)).Append("  ").Append(Number(row, row.MaxRelative).PadRight(12))
                .Append("  ").Append(row.Verdict);
        }

        text.AppendLine().Append(FirstDivergent is null
            ? $"All {Rows.Count} endpoints are close."
            : $"First divergent endpoint: {FirstDivergent.Name}.");
        return text.ToString();
    }

    private static string ShapeText(EndpointRow row) => row.Shape is null ? "-" : ShapeFormat.Format(row.Shape);

    // Rows that were never compared element-wise show a dash; a NaN from compared values prints as NaN.
    private static string Number(EndpointRow row, double value) =>
        row.Comparison is { Outcome: ComparisonOutcome.Close or ComparisonOutcome.ValueMismatch } ? MismatchReport.Number(value) : "-";
}
