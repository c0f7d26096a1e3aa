using System;

namespace Parity.Testing;

/// <summary>
/// Thrown by <see cref="TensorAssert"/> when two tensors differ; the message is the full mismatch
/// report and <see cref="Comparison"/> holds the same facts as data.
/// </summary>
public sealed class TensorMismatchException : Exception
{
    /// <summary>Creates the exception from a failed comparison.</summary>
    /// <param name="comparison">The failed comparison.</param>
    /// <param name="context">An optional caller message put before the report.</param>
    public TensorMismatchException(TensorComparison comparison, string? context = null)
        : base(string.IsNullOrEmpty(context)
            ? (comparison ?? throw new ArgumentNullException(nameof(comparison))).Report
            : context + Environment.NewLine + (comparison ?? throw new ArgumentNullException(nameof(comparison))).Report)
    {
        Comparison = comparison;
    }

    /// <summary>The failed comparison.</summary>
    public TensorComparison Comparison { get; }
}
