using System;
using NUnit.Framework.Constraints;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.NUnit;

/// <summary>
/// Succeeds when the actual tensor (or variable value) has the expected shape and dtype and every
/// element is within <c>atol + rtol·|expected|</c>; on failure NUnit shows the full mismatch report
/// of <see cref="TensorAssert.Compare"/>.
/// </summary>
public sealed class AllCloseConstraint : Constraint
{
    private readonly Tensor expected;
    private double? rtol;
    private double? atol;
    private bool equalNan;

    /// <summary>Creates the constraint; usually written <c>Is.AllClose(expected)</c>.</summary>
    /// <param name="expected">The reference tensor.</param>
    public AllCloseConstraint(Tensor expected)
        : base(expected)
    {
        this.expected = expected ?? throw new ArgumentNullException(nameof(expected));
    }

    /// <summary>Uses these tolerances instead of the dtype's defaults.</summary>
    /// <param name="rtol">Relative tolerance.</param>
    /// <param name="atol">Absolute tolerance.</param>
    /// <returns>This constraint.</returns>
    public AllCloseConstraint Within(double rtol, double atol)
    {
        this.rtol = rtol;
        this.atol = atol;
        return this;
    }

    /// <summary>Counts NaN at the same index on both sides as equal.</summary>
    public AllCloseConstraint WithEqualNan
    {
        get
        {
            equalNan = true;
            return this;
        }
    }

    /// <inheritdoc/>
    public override string Description =>
        $"a tensor close to the expected {ShapeText(expected.shape)} {DTypeName(expected.dtype)} tensor " +
        (rtol is null ? "(dtype's default tolerance)" : $"(rtol={rtol}, atol={atol})");

    /// <inheritdoc/>
    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        var tensor = actual switch
        {
            Tensor t => t,
            Variable v => v.Value,
            _ => throw new ArgumentException(
                $"Is.AllClose compares tensors; the actual value is {(actual is null ? "null" : actual.GetType().Name)}. Pass a Tensor or a Variable.",
                nameof(actual)),
        };

        return new ReportResult(this, actual, TensorAssert.Compare(tensor, expected, rtol, atol, equalNan));
    }

    private static string ShapeText(long[] shape) => "(" + string.Join(", ", shape) + ")";

    // TF-style names (float32, int64), as Parity's own reports write them.
    private static string DTypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        _ => dtype.ToString().ToLowerInvariant(),
    };

    /// <summary>Replaces NUnit's expected/actual lines with the comparison report.</summary>
    private sealed class ReportResult(IConstraint constraint, object? actual, TensorComparison comparison)
        : ConstraintResult(constraint, actual, comparison.IsClose)
    {
        public override void WriteMessageTo(MessageWriter writer) => writer.WriteLine(comparison.Report);
    }
}
