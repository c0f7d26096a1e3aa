using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>
/// Compares training behaviour: the gradients of a loss with respect to each trainable variable,
/// matched by name, and the variable values after one plain SGD step.
/// </summary>
public static class GradientComparison
{
    /// <summary>
    /// Computes the gradient of <paramref name="loss"/> with respect to each trainable floating
    /// variable. A variable the loss does not depend on has no entry.
    /// </summary>
    /// <param name="loss">Builds the scalar loss (runs the forward pass).</param>
    /// <param name="variables">The variables to differentiate with respect to.</param>
    /// <returns>Name → gradient, in the order of <paramref name="variables"/>; the caller owns the tensors.</returns>
    /// <exception cref="ArgumentException">The loss is not a single-element tensor, or records no gradients.</exception>
    /// <exception cref="InvalidOperationException">libtorch's backward pass failed (the message is libtorch's, without its C++ backtrace).</exception>
    public static IReadOnlyList<KeyValuePair<string, Tensor>> Gradients(Func<Tensor> loss, IEnumerable<Variable> variables)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(variables);
        var trainable = variables.Where(v => v.Trainable && v.Value.requires_grad).ToArray();
        ZeroGradients(trainable);
        var gradients = new List<KeyValuePair<string, Tensor>>();
        using (var scope = torch.NewDisposeScope())
        {
            var value = loss() ?? throw new InvalidOperationException("The loss function returned null; return the scalar loss tensor.");
            if (value.numel() != 1)
            {
                throw new ArgumentException(
                    $"Gradients need a scalar loss, got shape {ShapeFormat.Format(value.shape)}; reduce it first (for example with sum() or mean()).",
                    nameof(loss));
            }

            if (!value.requires_grad)
            {
                throw new ArgumentException(
                    "The loss does not depend on any tensor that records gradients, so it cannot be differentiated. Build it from the variables' values inside the loss function, outside no_grad().",
                    nameof(loss));
            }

            try
            {
                value.backward();
            }
            catch (ExternalException error)
            {
                throw new InvalidOperationException($"The backward pass of the loss failed inside libtorch: {LibTorchErrors.Trim(error.Message)}", error);
            }

            foreach (var variable in trainable)
            {
                if (variable.Value.grad is { } grad)
                {
                    gradients.Add(new(variable.Name, grad.clone().DetachFromDisposeScope()));
                }
            }
        }

        // Leave no accumulated gradient behind for the next backward pass.
        ZeroGradients(trainable);
        return gradients;
    }

    /// <summary>
    /// Compares the gradients of two losses, each with respect to its own variables, matched by
    /// name. Variables neither loss depends on are left out; one that only one side depends on is
    /// reported missing or unexpected.
    /// </summary>
    /// <param name="actualLoss">Builds the loss of the code under test.</param>
    /// <param name="actualVariables">The variables of the code under test.</param>
    /// <param name="expectedLoss">Builds the reference loss.</param>
    /// <param name="expectedVariables">The reference variables; their order decides which divergence is first.</param>
    /// <param name="nameMap">Optional map from an actual variable name to the expected name it stands for.</param>
    /// <param name="rtol">Relative tolerance; null for the dtype's default.</param>
    /// <param name="atol">Absolute tolerance; null for the dtype's default.</param>
    /// <returns>One row per variable.</returns>
    public static EndpointReport CompareGradients(
        Func<Tensor> actualLoss,
        IEnumerable<Variable> actualVariables,
        Func<Tensor> expectedLoss,
        IEnumerable<Variable> expectedVariables,
        Func<string, string>? nameMap = null,
        double? rtol = null,
        double? atol = null)
    {
        var actual = Gradients(actualLoss, actualVariables);
        var expected = Gradients(expectedLoss, expectedVariables);
        try
        {
            return EndpointComparison.Compare(actual, expected, rtol, atol, nameMap: nameMap);
        }
        finally
        {
            DisposeAll(actual);
            DisposeAll(expected);
        }
    }

    /// <summary>
    /// Takes one plain SGD step (<c>w ← w − learningRate·∂loss/∂w</c>) on each trainable variable
    /// the loss depends on. The variables are updated in place.
    /// </summary>
    /// <param name="loss">Builds the scalar loss.</param>
    /// <param name="variables">The variables to update.</param>
    /// <param name="learningRate">The step size.</param>
    public static void SgdStep(Func<Tensor> loss, IEnumerable<Variable> variables, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var byName = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var gradients = Gradients(loss, byName.Values);
        try
        {
            using var noGrad = torch.no_grad();
            foreach (var (name, gradient) in gradients)
            {
                // add_ with alpha = −lr is the update torch.optim.SGD makes (one fused rounding).
                byName[name].Value.add_(gradient, -learningRate);
            }
        }
        finally
        {
            DisposeAll(gradients);
        }
    }

    /// <summary>
    /// Takes one SGD step on each side (updating both sets of variables in place) and compares the
    /// updated variable values by name.
    /// </summary>
    /// <param name="actualLoss">Builds the loss of the code under test.</param>
    /// <param name="actualVariables">The variables of the code under test.</param>
    /// <param name="expectedLoss">Builds the reference loss.</param>
    /// <param name="expectedVariables">The reference variables; their order decides which divergence is first.</param>
    /// <param name="learningRate">The step size used on both sides.</param>
    /// <param name="nameMap">Optional map from an actual variable name to the expected name it stands for.</param>
    /// <param name="rtol">Relative tolerance; null for the dtype's default.</param>
    /// <param name="atol">Absolute tolerance; null for the dtype's default.</param>
    /// <returns>One row per variable, comparing values after the step.</returns>
    public static EndpointReport CompareSgdStep(
        Func<Tensor> actualLoss,
        IEnumerable<Variable> actualVariables,
        Func<Tensor> expectedLoss,
        IEnumerable<Variable> expectedVariables,
        double learningRate,
        Func<string, string>? nameMap = null,
        double? rtol = null,
        double? atol = null)
    {
        var actual = actualVariables?.ToArray() ?? throw new ArgumentNullException(nameof(actualVariables));
        var expected = expectedVariables?.ToArray() ?? throw new ArgumentNullException(nameof(expectedVariables));
        SgdStep(actualLoss, actual, learningRate);
        SgdStep(expectedLoss, expected, learningRate);
        return EndpointComparison.Compare(Values(actual), Values(expected), rtol, atol, nameMap: nameMap);
    }

    private static IEnumerable<KeyValuePair<string, Tensor>> Values(IEnumerable<Variable> variables) =>
        variables.Select(v => new KeyValuePair<string, Tensor>(v.Name, v.Value));

    /// <summary>Sets each accumulated gradient to zero (nothing to do before the first backward pass).</summary>
    private static void ZeroGradients(IEnumerable<Variable> variables)
    {
        foreach (var variable in variables)
        {
            using var grad = variable.Value.grad;
            grad?.zero_();
        }
    }

    private static void DisposeAll(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        foreach (var (_, tensor) in tensors)
        {
            tensor.Dispose();
        }
    }
}
