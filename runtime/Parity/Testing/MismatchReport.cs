using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>Writes a <see cref="TensorComparison"/> as the message a failing test shows.</summary>
internal static class MismatchReport
{
    public static string Format(TensorComparison c) => c.Outcome switch
    {
        ComparisonOutcome.ShapeMismatch =>
            $"Tensor shapes differ: actual {ShapeFormat.Format(c.ActualShape)}, expected {ShapeFormat.Format(c.ExpectedShape)}. " +
            "Values are compared only when shapes match; fix the code that produced the actual tensor, or reshape it if only the layout differs.",
        ComparisonOutcome.DTypeMismatch =>
            $"Tensor dtypes differ: actual {DTypeNames.Of(c.ActualDType)}, expected {DTypeNames.Of(c.ExpectedDType)} " +
            $"(shape {ShapeFormat.Format(c.ActualShape)}). Convert one side with to_type(ScalarType) if the difference is intended.",
        ComparisonOutcome.Close =>
            $"Tensors are close: {c.ElementCount} {DTypeNames.Of(c.ActualDType)} elements of shape {ShapeFormat.Format(c.ActualShape)} " +
            $"within {ToleranceText(c)}.",
        _ => ValueMismatch(c),
    };

    /// <summary>Reads a one-element tensor and formats it the way its dtype prints: shortest round-trip for floats, integers exactly.</summary>
    public static string Value(Tensor element) => element.dtype switch
    {
        ScalarType.Float32 => element.item<float>().ToString(CultureInfo.InvariantCulture),
        ScalarType.Float64 => element.item<double>().ToString(CultureInfo.InvariantCulture),
        ScalarType.Bool => element.item<bool>() ? "true" : "false",
        _ => element.ToInt64().ToString(CultureInfo.InvariantCulture),
    };

    public static string Number(double value) => value.ToString("g6", CultureInfo.InvariantCulture);

    private static string ValueMismatch(TensorComparison c)
    {
        var text = new StringBuilder();
        text.Append("Tensors are not close (shape ").Append(ShapeFormat.Format(c.ActualShape))
            .Append(", ").Append(DTypeNames.Of(c.ActualDType)).Append(", ").Append(ToleranceText(c)).AppendLine(").");
        text.Append("Mismatched elements: ").Append(c.MismatchCount).Append(" of ").Append(c.ElementCount)
            .Append(" (").Append(Percent(c.MismatchCount, c.ElementCount)).AppendLine(").");

        if (c.GreatestAbsolute is { } abs)
        {
            text.Append("Greatest absolute difference: ").Append(Number(abs.Difference))
                .Append(" at index ").Append(ShapeFormat.Format(abs.Index))
                .Append(" (allowed ").Append(Number(abs.Allowed)).AppendLine(" there).");
        }

        if (c.GreatestRelative is { } rel)
        {
            text.Append("Greatest relative difference: ").Append(Number(rel.Difference))
                .Append(" at index ").Append(ShapeFormat.Format(rel.Index))
                .Append(" (allowed ").Append(Number(rel.Allowed)).AppendLine(").");
        }

        if (c.NanMismatchCount > 0)
        {
            text.Append("Mismatches involving NaN: ").Append(c.NanMismatchCount)
                .AppendLine(c.EqualNan ? "." : " (NaN equals NaN only with equalNan: true).");
        }

        text.Append("First mismatches in C order (index: actual vs expected):");
        foreach (var sample in c.Samples)
        {
            text.AppendLine().Append("  ").Append(ShapeFormat.Format(sample.Index)).Append(": ")
                .Append(sample.Actual).Append(" vs ").Append(sample.Expected);
        }

        return text.ToString();
    }

    private static string ToleranceText(TensorComparison c) =>
        c.Tolerance == Tolerance.Exact
            ? "exact equality"
            : $"rtol={Number(c.Tolerance.Rtol)}, atol={Number(c.Tolerance.Atol)}" + (c.EqualNan ? ", NaN equal to NaN" : string.Empty);

    private static string Percent(long part, long whole)
    {
        var percent = 100.0 * part / whole;
        var format = percent >= 0.1 ? "0.0" : "g2";
        return percent.ToString(format, CultureInfo.InvariantCulture) + "%";
    }
}
