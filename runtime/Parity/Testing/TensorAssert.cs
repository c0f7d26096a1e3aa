using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>
/// Numeric assertions on tensors: element-wise closeness with per-dtype default tolerances and a
/// report that locates the difference.
/// </summary>
public static class TensorAssert
{
    /// <summary>
    /// Compares two tensors without throwing: shape first, then dtype, then every element with
    /// <c>|actual − expected| ≤ atol + rtol·|expected|</c>.
    /// </summary>
    /// <param name="actual">The tensor under test.</param>
    /// <param name="expected">The reference tensor.</param>
    /// <param name="rtol">Relative tolerance; null for the dtype's default (<see cref="Tolerance.DefaultFor"/>).</param>
    /// <param name="atol">Absolute tolerance; null for the dtype's default.</param>
    /// <param name="equalNan">Whether NaN at the same index on both sides counts as equal (otherwise NaN never matches).</param>
    /// <returns>The comparison; <see cref="TensorComparison.Report"/> is the message to show.</returns>
    /// <remarks>
    /// Runs in libtorch and reads back only scalars and a few samples, so comparing tensors of
    /// hundreds of millions of elements does not copy them into managed memory. Equal values,
    /// including equal infinities, are always close; a finite value never matches an infinite one.
    /// </remarks>
    public static TensorComparison Compare(Tensor actual, Tensor expected, double? rtol = null, double? atol = null, bool equalNan = false) =>
        CloseComparer.Compare(actual, expected, rtol, atol, equalNan);

    /// <summary>
    /// Asserts that two tensors have the same shape, the same dtype and every element within
    /// <c>atol + rtol·|expected|</c> of the expected one.
    /// </summary>
    /// <param name="actual">The tensor under test.</param>
    /// <param name="expected">The reference tensor.</param>
    /// <param name="rtol">Relative tolerance; null for the dtype's default (float32 1.3e-6, float64 1e-7, integers 0).</param>
    /// <param name="atol">Absolute tolerance; null for the dtype's default (float32 1e-5, float64 1e-7, integers 0).</param>
    /// <param name="equalNan">Whether NaN at the same index on both sides counts as equal.</param>
    /// <param name="message">Optional context put before the report, such as the endpoint's name.</param>
    /// <exception cref="TensorMismatchException">The tensors differ; the message says where and by how much.</exception>
    public static void AllClose(Tensor actual, Tensor expected, double? rtol = null, double? atol = null, bool equalNan = false, string? message = null)
    {
        var comparison = Compare(actual, expected, rtol, atol, equalNan);
        if (!comparison.IsClose)
        {
            throw new TensorMismatchException(comparison, message);
        }
    }
}
