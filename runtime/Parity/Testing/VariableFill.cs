using System;
using System.Collections.Generic;
using System.IO.Hashing;
using System.Linq;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>
/// Fills variables for step 3 of the validation method, where both sides get the same weights and
/// must give the same outputs. <see cref="Constant"/> is the guide's filling; it cannot tell a
/// transposed kernel, swapped gamma and beta or two crossed variables of one shape from the right
/// ones, because every weight holds the same number. <see cref="Distinct"/> gives every element a
/// value of its own, derived from the variable's name, so those mistakes change the outputs.
/// </summary>
public static class VariableFill
{
    /// <summary>Sets every floating-point variable to <paramref name="value"/> (the guide uses 0.001).</summary>
    /// <param name="variables">The variables.</param>
    /// <param name="value">The value.</param>
    public static void Constant(IEnumerable<Variable> variables, double value = 0.001)
    {
        ArgumentNullException.ThrowIfNull(variables);
        using var noGrad = torch.no_grad();
        foreach (var variable in variables.Where(v => DTypeNames.IsFloating(v.DType)))
        {
            variable.Value.fill_(value);
        }
    }

    /// <summary>
    /// Gives every floating-point variable distinct values drawn from a generator seeded by its name
    /// (so both sides of a comparison get the same values whatever order they hold their variables in),
    /// scaled by the variable's role as its TF name tells it, so activations stay in range through a
    /// deep network: kernels (rank ≥ 2, TF layout, last axis the outputs) uniform in ±√(6 / fan-in);
    /// <c>gamma</c> and variances in [0.5, 1.5]; biases, <c>beta</c> and means in ±0.1. Integer
    /// variables (step counters) are left as they are.
    /// </summary>
    /// <param name="variables">The variables.</param>
    /// <param name="seed">Mixed into every name's seed, for a second independent filling.</param>
    public static void Distinct(IEnumerable<Variable> variables, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(variables);
        using var noGrad = torch.no_grad();
        foreach (var variable in variables.Where(v => DTypeNames.IsFloating(v.DType)))
        {
            using var values = Draw(variable.Name, variable.Shape, seed);
            variable.Value.copy_(values);
        }
    }

    /// <summary>The values <see cref="Distinct"/> gives a variable of this name and shape, in TF's layout (for a module loaded through a weight map).</summary>
    /// <param name="name">The TF variable name.</param>
    /// <param name="shape">The TF shape.</param>
    /// <param name="dtype">A floating-point dtype.</param>
    /// <param name="seed">Mixed into the name's seed.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">The dtype is not floating point.</exception>
    public static Tensor DistinctValues(string name, long[] shape, ScalarType dtype = ScalarType.Float32, long seed = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        if (!DTypeNames.IsFloating(dtype))
        {
            throw new ArgumentException($"Distinct values fill floating-point variables; '{name}' is {DTypeNames.Of(dtype)}.", nameof(dtype));
        }

        var values = Draw(name, shape, seed);
        if (dtype == ScalarType.Float32)
        {
            return values;
        }

        using (values)
        {
            return values.to(dtype);
        }
    }

    /// <summary>The values drawn in float32 whatever the variable's dtype, so a name gives the same numbers at every precision.</summary>
    private static Tensor Draw(string name, long[] shape, long seed)
    {
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(name), seed);
        using var generator = new torch.Generator(hash & long.MaxValue);
        var (low, high) = Range(name, shape);
        return torch.rand(shape, dtype: ScalarType.Float32, generator: generator).mul_(high - low).add_(low);
    }

    private static (double Low, double High) Range(string name, long[] shape)
    {
        var leaf = name[(name.LastIndexOf('/') + 1)..];
        if (leaf is "gamma" or "moving_variance" or "variance")
        {
            return (0.5, 1.5);
        }

        if (shape.Length >= 2)
        {
            var fanIn = shape[..^1].Aggregate(1L, (product, size) => product * size);
            var bound = Math.Sqrt(6.0 / Math.Max(fanIn, 1));
            return (-bound, bound);
        }

        return (-0.1, 0.1);
    }
}
