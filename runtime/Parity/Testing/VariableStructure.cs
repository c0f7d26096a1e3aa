using System;
using System.Collections.Generic;
using System.Linq;

namespace Parity.Testing;

/// <summary>
/// Compares two sets of variables (for example a legacy model's and its migration's) by count,
/// name, shape, dtype and trainability, before any value is compared.
/// </summary>
public static class VariableStructure
{
    /// <summary>Compares two variable sets without throwing.</summary>
    /// <param name="actual">The variables of the code under test.</param>
    /// <param name="expected">The reference variables.</param>
    /// <param name="nameMap">
    /// Optional map from an actual name to the expected name it stands for (for example
    /// <c>n =&gt; n.Replace("conv/weight", "conv/kernel")</c>); unmapped names are used as they are.
    /// </param>
    /// <returns>The comparison; <see cref="StructureComparison.Report"/> is the readable diff.</returns>
    /// <exception cref="ArgumentException">Two actual variables map to the same expected name, or a set repeats a name.</exception>
    public static StructureComparison Compare(IEnumerable<Variable> actual, IEnumerable<Variable> expected, Func<string, string>? nameMap = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var map = nameMap ?? (name => name);

        var actualByName = Index(actual, v => map(v.Name), "actual");
        var expectedByName = Index(expected, v => v.Name, "expected");

        var missing = expectedByName.Keys.Where(name => !actualByName.ContainsKey(name)).ToArray();
        var unexpected = actualByName.Where(pair => !expectedByName.ContainsKey(pair.Key)).Select(pair => pair.Value.Name).ToArray();
        var differences = new List<string>();
        foreach (var (name, wanted) in expectedByName)
        {
            if (!actualByName.TryGetValue(name, out var got))
            {
                continue;
            }

            var label = got.Name == name ? $"'{name}'" : $"'{got.Name}' (as '{name}')";
            if (!got.ShapeUnsafe.AsSpan().SequenceEqual(wanted.ShapeUnsafe))
            {
                differences.Add($"{label}: shape {ShapeFormat.Format(got.ShapeUnsafe)}, expected {ShapeFormat.Format(wanted.ShapeUnsafe)}");
            }

            if (got.DType != wanted.DType)
            {
                differences.Add($"{label}: dtype {DTypeNames.Of(got.DType)}, expected {DTypeNames.Of(wanted.DType)}");
            }

            if (got.Trainable != wanted.Trainable)
            {
                differences.Add($"{label}: {Trainability(got.Trainable)}, expected {Trainability(wanted.Trainable)}");
            }
        }

        return new StructureComparison(actualByName.Count, expectedByName.Count, missing, unexpected, differences);
    }

    /// <summary>Asserts that two variable sets have the same names, shapes, dtypes and trainability.</summary>
    /// <param name="actual">The variables of the code under test.</param>
    /// <param name="expected">The reference variables.</param>
    /// <param name="nameMap">Optional map from an actual name to the expected name it stands for.</param>
    /// <exception cref="StructureMismatchException">The sets differ; the message is the diff.</exception>
    public static void AssertSame(IEnumerable<Variable> actual, IEnumerable<Variable> expected, Func<string, string>? nameMap = null)
    {
        var comparison = Compare(actual, expected, nameMap);
        if (!comparison.IsSame)
        {
            throw new StructureMismatchException(comparison);
        }
    }

    private static string Trainability(bool trainable) => trainable ? "trainable" : "non-trainable";

    private static Dictionary<string, Variable> Index(IEnumerable<Variable> variables, Func<Variable, string> key, string side)
    {
        var byName = new Dictionary<string, Variable>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            ArgumentNullException.ThrowIfNull(variable, nameof(variables));
            var name = key(variable);
            if (!byName.TryAdd(name, variable))
            {
                var first = byName[name].Name;
                throw new ArgumentException(
                    first == variable.Name
                        ? $"The {side} variables list '{name}' twice; pass each variable once."
                        : $"The name map sends both '{first}' and '{variable.Name}' to '{name}'; each actual variable needs its own expected name.",
                    side);
            }
        }

        return byName;
    }
}
