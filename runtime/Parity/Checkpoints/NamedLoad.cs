using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace Parity.Checkpoints;

/// <summary>
/// The all-or-nothing rule every loader shares: match stored arrays to targets by name, check shape
/// and dtype, and assign only when everything lines up (or when a partial load was asked for).
/// </summary>
internal static class NamedLoad
{
    /// <summary>Checks every target against the arrays, then assigns them; nothing changes on a mismatch unless <paramref name="allowPartial"/>.</summary>
    /// <param name="source">Where the arrays came from, for the report.</param>
    /// <param name="arrays">Stored arrays by name; the caller keeps ownership.</param>
    /// <param name="targets">What to assign.</param>
    /// <param name="nameMap">Optional map from a target name to its key among the arrays.</param>
    /// <param name="allowPartial">Assign what matches and report the rest instead of failing.</param>
    public static CheckpointLoadReport Apply(string source, IReadOnlyDictionary<string, Tensor> arrays, IReadOnlyList<LoadTarget> targets, Func<string, string>? nameMap, bool allowPartial)
    {
        var map = nameMap ?? (name => name);
        var loaded = new List<(LoadTarget Target, Tensor Value)>();
        var missing = new List<string>();
        var mismatched = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var key = map(target.Name);
            var label = key == target.Name ? $"'{key}'" : $"'{target.Name}' (key '{key}')";
            if (!arrays.TryGetValue(key, out var value))
            {
                missing.Add(label);
                continue;
            }

            if (!used.Add(key))
            {
                throw new ArgumentException($"Two variables map to the key '{key}'; each variable needs its own key.", nameof(nameMap));
            }

            if (!ShapeFormat.Equal(value.shape, target.Shape) || value.dtype != target.DType)
            {
                mismatched.Add(
                    $"{label}: stored {ShapeFormat.Format(value.shape)} {DTypeNames.Of(value.dtype)}, " +
                    $"expected {ShapeFormat.Format(target.Shape)} {DTypeNames.Of(target.DType)}{PermutationHint(value.shape, target.Shape)}");
                continue;
            }

            loaded.Add((target, value));
        }

        var unexpected = arrays.Keys.Where(key => !used.Contains(key)).ToArray();
        var report = new CheckpointLoadReport(source, loaded.Select(pair => pair.Target.Name).ToArray(), missing, unexpected, mismatched);
        if (!report.IsComplete && !allowPartial)
        {
            throw new CheckpointMismatchException(report);
        }

        foreach (var (target, value) in loaded)
        {
            target.Assign(value);
        }

        return report;
    }

    /// <summary>A stored shape that is a reordering of the expected one is almost always a layout mix-up (HWIO against OIHW, a dense kernel not transposed).</summary>
    private static string PermutationHint(long[] stored, long[] expected) =>
        stored.Length == expected.Length && stored.Length > 1 && !stored.SequenceEqual(expected) && stored.Order().SequenceEqual(expected.Order())
            ? " (the same sizes in another order: a layout mix-up, e.g. an HWIO kernel where OIHW is expected or a dense kernel not transposed)"
            : string.Empty;
}
