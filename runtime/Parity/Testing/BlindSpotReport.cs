using System.Collections.Generic;
using System.Linq;

namespace Parity.Testing;

/// <summary>Which variables a comparison can see: those whose perturbation changed a compared output beyond the tolerance, and those it did not.</summary>
/// <param name="Detected">Variables whose perturbation some compared output detected.</param>
/// <param name="Undetected">The blind spots: variables whose perturbation no compared output detected.</param>
/// <param name="RelativeStep">The relative perturbation each variable received.</param>
public sealed record BlindSpotReport(IReadOnlyList<string> Detected, IReadOnlyList<string> Undetected, double RelativeStep)
{
    /// <summary>The number of variables perturbed.</summary>
    public int VariableCount => Detected.Count + Undetected.Count;

    /// <summary>The fraction of variables the comparison detects (1 when there are none).</summary>
    public double CoveredFraction => VariableCount == 0 ? 1.0 : (double)Detected.Count / VariableCount;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Detected.Count} of {VariableCount} variables ({CoveredFraction:P1}) detected at a relative perturbation of {RelativeStep:G3}" +
        (Undetected.Count == 0 ? "." : $"; blind spots: {string.Join(", ", Undetected.Take(5))}{(Undetected.Count > 5 ? ", ..." : string.Empty)}.");
}
