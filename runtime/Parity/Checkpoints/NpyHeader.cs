using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Checkpoints;

/// <summary>
/// The dictionary at the start of a <c>.npy</c> array: element type, memory order and shape.
/// Parses the literal strictly; anything unexpected is an error rather than a guess.
/// </summary>
internal sealed record NpyHeader(ScalarType DType, long[] Shape)
{
    /// <summary>The most dimensions a header may declare; numpy itself allows 64.</summary>
    private const int MaxRank = 64;

    /// <summary>Number of elements the shape declares, with overflow treated as an error.</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (var dim in Shape)
            {
                count = checked(count * dim);
            }

            return count;
        }
    }

    /// <summary>Bytes per element of <see cref="DType"/>.</summary>
    public int ElementSize => DType switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.Int16 => 2,
        _ => 1,
    };

    public static string Descr(ScalarType dtype) => dtype switch
    {
        ScalarType.Float16 => "<f2",
        ScalarType.Float32 => "<f4",
        ScalarType.Float64 => "<f8",
        ScalarType.Int8 => "|i1",
        ScalarType.Int16 => "<i2",
        ScalarType.Int32 => "<i4",
        ScalarType.Int64 => "<i8",
        ScalarType.Byte => "|u1",
        ScalarType.Bool => "|b1",
        _ => throw new ArgumentException(
            $"npz checkpoints hold {SupportedText} arrays (NumPy has no {DTypeNames.Of(dtype)}); convert the {DTypeNames.Of(dtype)} tensor first.", nameof(dtype)),
    };

    /// <summary>The dtypes an .npz holds, for messages.</summary>
    private const string SupportedText = "float16, float32, float64, int8, int16, int32, int64, uint8 and bool";

    /// <summary>The header literal numpy writes: <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>.</summary>
    public string Format()
    {
        var shape = Shape.Length == 1
            ? $"({Shape[0]},)"
            : "(" + string.Join(", ", Shape) + ")";
        return $"{{'descr': '{Descr(DType)}', 'fortran_order': False, 'shape': {shape}, }}";
    }

    /// <summary>Parses a header literal; <paramref name="where"/> names the entry in error messages.</summary>
    public static NpyHeader Parse(string text, string where)
    {
        var parser = new Parser(text, where);
        var fields = parser.ParseDictionary();
        if (!fields.TryGetValue("descr", out var descr) || descr is not string descrText)
        {
            throw parser.Error("the header has no 'descr' string");
        }

        if (!fields.TryGetValue("fortran_order", out var fortran) || fortran is not bool fortranOrder)
        {
            throw parser.Error("the header has no 'fortran_order' boolean");
        }

        if (!fields.TryGetValue("shape", out var shapeValue) || shapeValue is not long[] shape)
        {
            throw parser.Error("the header has no 'shape' tuple");
        }

        if (fields.Count != 3)
        {
            throw parser.Error("the header has keys other than 'descr', 'fortran_order' and 'shape'");
        }

        if (fortranOrder)
        {
            throw parser.Error("the array is stored in Fortran (column-major) order; save it in C order (numpy.ascontiguousarray) first");
        }

        var header = new NpyHeader(ParseDescr(descrText, parser), shape);
        try
        {
            _ = header.ElementCount;
        }
        catch (OverflowException)
        {
            throw parser.Error($"the shape {ShapeText(shape)} declares more elements than can exist");
        }

        return header;
    }

    private static ScalarType ParseDescr(string descr, Parser parser)
    {
        if (descr.Length == 3 && descr[0] == '>')
        {
            throw parser.Error($"dtype '{descr}' is big-endian; Parity reads little-endian arrays (numpy: array.astype('<{descr[1..]}'))");
        }

        return descr switch
        {
            "<f2" or "=f2" => ScalarType.Float16,
            "<f4" or "=f4" => ScalarType.Float32,
            "<f8" or "=f8" => ScalarType.Float64,
            "|i1" or "<i1" or "=i1" => ScalarType.Int8,
            "<i2" or "=i2" => ScalarType.Int16,
            "<i4" or "=i4" => ScalarType.Int32,
            "<i8" or "=i8" => ScalarType.Int64,
            "|u1" or "<u1" or "=u1" => ScalarType.Byte,
            "|b1" or "<b1" or "=b1" => ScalarType.Bool,
            _ => throw parser.Error($"dtype '{descr}' is not supported; Parity reads {SupportedText} arrays"),
        };
    }

    private static string ShapeText(long[] shape) => "(" + string.Join(", ", shape) + ")";

    /// <summary>A recursive-descent reader for the small subset of Python literals a header uses.</summary>
    private sealed class Parser(string text, string where)
    {
        private int position;

        public CheckpointFormatException Error(string problem) =>
            new($"{where}: invalid .npy header ({problem}). Header: {Excerpt()}");

        public Dictionary<string, object> ParseDictionary()
        {
            var fields = new Dictionary<string, object>(StringComparer.Ordinal);
            Expect('{');
            while (true)
            {
                SkipSpace();
                if (TryTake('}'))
                {
                    break;
                }

                var key = ParseString();
                Expect(':');
                var value = ParseValue();
                if (!fields.TryAdd(key, value))
                {
                    throw Error($"the key '{key}' appears twice");
                }

                SkipSpace();
                if (TryTake('}'))
                {
                    break;
                }

                Expect(',');
            }

            SkipSpace();
            if (position != text.Length)
            {
                throw Error("unexpected text after the closing brace");
            }

            return fields;
        }

        private object ParseValue()
        {
            SkipSpace();
            if (position < text.Length && text[position] is '\'' or '"')
            {
                return ParseString();
            }

            if (TryWord("True"))
            {
                return true;
            }

            if (TryWord("False"))
            {
                return false;
            }

            if (TryTake('('))
            {
                return ParseShapeTuple();
            }

            throw Error($"unexpected value at offset {position}");
        }

        private long[] ParseShapeTuple()
        {
            var dims = new List<long>();
            while (true)
            {
                SkipSpace();
                if (TryTake(')'))
                {
                    return dims.ToArray();
                }

                if (dims.Count == MaxRank)
                {
                    throw Error($"the shape has more than {MaxRank} dimensions");
                }

                dims.Add(ParseDimension());
                SkipSpace();
                if (TryTake(')'))
                {
                    return dims.ToArray();
                }

                Expect(',');
            }
        }

        private long ParseDimension()
        {
            var start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            // Trailing 'L' is how Python 2 wrote long integers; numpy still accepts it.
            var digits = text[start..position];
            if (position < text.Length && text[position] == 'L')
            {
                position++;
            }

            if (digits.Length == 0 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var dim))
            {
                throw Error($"a shape dimension at offset {start} is not a non-negative integer that fits in 64 bits");
            }

            return dim;
        }

        private string ParseString()
        {
            SkipSpace();
            if (position >= text.Length || text[position] is not ('\'' or '"'))
            {
                throw Error($"expected a quoted string at offset {position}");
            }

            var quote = text[position++];
            var start = position;
            while (position < text.Length && text[position] != quote)
            {
                if (text[position] == '\\')
                {
                    throw Error("escape sequences are not expected in a header string");
                }

                position++;
            }

            if (position >= text.Length)
            {
                throw Error("a string is not closed");
            }

            return text[start..position++];
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!TryTake(c))
            {
                throw Error($"expected '{c}' at offset {position}");
            }
        }

        private bool TryTake(char c)
        {
            if (position < text.Length && text[position] == c)
            {
                position++;
                return true;
            }

            return false;
        }

        private bool TryWord(string word)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) == 0)
            {
                position += word.Length;
                return true;
            }

            return false;
        }

        private void SkipSpace()
        {
            while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r')
            {
                position++;
            }
        }

        private string Excerpt()
        {
            var clean = new StringBuilder();
            foreach (var c in text.Length > 120 ? text[..120] : text)
            {
                clean.Append(char.IsControl(c) ? '?' : c);
            }

            return clean + (text.Length > 120 ? "..." : string.Empty);
        }
    }
}
