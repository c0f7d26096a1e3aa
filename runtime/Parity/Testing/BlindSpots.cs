using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>
/// Measures what an output comparison can see. A comparison that passes proves the two sides agree
/// only about the variables whose change would have changed a compared output: with every weight at
/// the guide's 0.001, batch norm and saturating activations absorb whole layers, so a port wrong in
/// those layers passes. This perturbs each variable in turn and lists the ones no compared output
/// notices at the tolerance in use.
/// </summary>
public static class BlindSpots
{
    /// <summary>
    /// Perturbs each floating-point variable in turn, multiplying it by <c>1 + relativeStep</c> (a zero element
    /// becomes <c>relativeStep</c>), runs <paramref name="outputs"/>, and checks whether any output moved by more
    /// than <c>atol + rtol·|output|</c> from the unperturbed run. Every variable is restored before the next.
    /// Costs one run per variable.
    /// </summary>
    /// <param name="variables">The variables to perturb (one side's).</param>
    /// <param name="outputs">Runs the model and returns the compared outputs by name (endpoints, losses); runs under <c>no_grad</c>.</param>
    /// <param name="rtol">The comparison's relative tolerance.</param>
    /// <param name="atol">The comparison's absolute tolerance.</param>
    /// <param name="relativeStep">The relative size of each perturbation (default 1 %).</param>
    /// <returns>The detected variables and the blind spots, in the order given.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A tolerance is negative or the step is not positive.</exception>
    /// <exception cref="ArgumentException">There is no floating-point variable to perturb (a tracked module creates its variables on its first call).</exception>
    public static BlindSpotReport Find(IEnumerable<Variable> variables, Func<IEnumerable<KeyValuePair<string, Tensor>>> outputs, double rtol, double atol, double relativeStep = 0.01)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentOutOfRangeException.ThrowIfNegative(rtol);
        ArgumentOutOfRangeException.ThrowIfNegative(atol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(relativeStep);

        var perturbed = variables.Where(v => DTypeNames.IsFloating(v.DType)).ToArray();
        if (perturbed.Length == 0)
        {
            throw new ArgumentException("There is no floating-point variable to perturb. A tracked module creates its variables on its first call: call it once, fill its variables, then pass them here.", nameof(variables));
        }

        using var noGrad = torch.no_grad();
        var baseline = outputs().Select(pair => new KeyValuePair<string, Tensor>(pair.Key, pair.Value.detach().clone())).ToArray();
        var detected = new List<string>();
        var undetected = new List<string>();
        try
        {
            foreach (var variable in perturbed)
            {
                (Seen(variable, outputs, baseline, rtol, atol, relativeStep) ? detected : undetected).Add(variable.Name);
            }
        }
        finally
        {
            foreach (var (_, tensor) in baseline)
            {
                tensor.Dispose();
            }
        }

        return new BlindSpotReport(detected, undetected, relativeStep);
    }

    private static bool Seen(Variable variable, Func<IEnumerable<KeyValuePair<string, Tensor>>> outputs, KeyValuePair<string, Tensor>[] baseline, double rtol, double atol, double step)
    {
        using var original = variable.Value.detach().clone();
        try
        {
            using (var scope = torch.NewDisposeScope())
            {
                variable.Value.copy_(torch.where(original.eq(0), torch.full_like(original, step), original * (1 + step)));
                var after = outputs().ToDictionary(pair => pair.Key, pair => pair.Value);
                return baseline.Any(pair => !after.TryGetValue(pair.Key, out var value) || !TensorAssert.Compare(value, pair.Value, rtol, atol).IsClose);
            }
        }
        finally
        {
            variable.Value.copy_(original);
        }
    }
}
