using System;
using System.Text;

namespace Parity;

/// <summary>Shape helpers shared by the runtime's error messages and equality checks.</summary>
internal static class ShapeFormat
{
    /// <summary>Formats a shape the way TF's messages show it: <c>()</c>, <c>(4,)</c>, <c>(3, 4)</c>.</summary>
    public static string Format(ReadOnlySpan<long> shape)
    {
        if (shape.Length == 1)
        {
            return $"({shape[0]},)";
        }

        var text = new StringBuilder("(");
        for (var i = 0; i < shape.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(shape[i]);
        }

        return text.Append(')').ToString();
    }

    public static bool Equal(ReadOnlySpan<long> a, ReadOnlySpan<long> b) => a.SequenceEqual(b);
}
