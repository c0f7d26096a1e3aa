using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Parity.Torch;

namespace Parity.Torch.Tests.Fixtures;

/// <summary>Expected outputs computed by PyTorch (Fixtures/generate.py → golden.json).</summary>
internal static class Golden
{
    private static readonly Lazy<Dictionary<string, Case>> Cases = new(Load);

    /// <summary>
    /// Asserts shape, dtype and values against the named case. Both sides run libtorch 1.13, so only
    /// reduction-order differences are allowed: |a - e| ≤ atol + rtol·|e|.
    /// </summary>
    public static void AssertMatches(string name, Tensor actual, double rtol = 1e-5, double atol = 1e-6)
    {
        var expected = Cases.Value.TryGetValue(name, out var found)
            ? found
            : throw new ArgumentException($"golden.json has no case '{name}'; rerun Fixtures/generate.py.", nameof(name));

        Assert.That(actual.Shape, Is.EqualTo(expected.Shape), $"{name}: shape");
        Assert.That(actual.DType, Is.EqualTo(expected.DType), $"{name}: dtype");
        var values = actual.DType switch
        {
            DType.Float32 => actual.ToArray<float>().Select(v => (double)v).ToArray(),
            DType.Float64 => actual.ToArray<double>(),
            DType.Int64 => actual.ToArray<long>().Select(v => (double)v).ToArray(),
            _ => throw new NotSupportedException($"{name}: no golden comparison for {actual.DType}"),
        };

        for (var i = 0; i < values.Length; i++)
        {
            var allowed = atol + (rtol * Math.Abs(expected.Values[i]));
            Assert.That(
                Math.Abs(values[i] - expected.Values[i]),
                Is.LessThanOrEqualTo(allowed),
                $"{name}: element {i} is {values[i]:R}, PyTorch gives {expected.Values[i]:R}");
        }
    }

    private static Dictionary<string, Case> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "golden.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, Case>();
        foreach (var property in document.RootElement.GetProperty("cases").EnumerateObject())
        {
            var shape = property.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var dtype = property.Value.GetProperty("dtype").GetString() switch
            {
                "float32" => DType.Float32,
                "float64" => DType.Float64,
                "int64" => DType.Int64,
                var other => throw new InvalidDataException($"golden.json case {property.Name} has dtype {other}"),
            };
            var values = property.Value.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            cases.Add(property.Name, new Case(shape, dtype, values));
        }

        return cases;
    }

    private sealed record Case(long[] Shape, DType DType, double[] Values);
}
