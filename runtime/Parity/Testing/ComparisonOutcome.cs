namespace Parity.Testing;

/// <summary>What <see cref="TensorAssert.Compare"/> found when comparing two tensors.</summary>
public enum ComparisonOutcome
{
    /// <summary>Same shape, same dtype, every element within tolerance.</summary>
    Close,

    /// <summary>The shapes differ; no element was compared.</summary>
    ShapeMismatch,

    /// <summary>The dtypes differ; no element was compared.</summary>
    DTypeMismatch,

    /// <summary>At least one element is outside tolerance.</summary>
    ValueMismatch,
}
