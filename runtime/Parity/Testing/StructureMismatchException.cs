using System;

namespace Parity.Testing;

/// <summary>Thrown by <see cref="VariableStructure.AssertSame"/>; the message is the diff.</summary>
public sealed class StructureMismatchException : Exception
{
    /// <summary>Creates the exception from a failed comparison.</summary>
    /// <param name="comparison">The failed comparison.</param>
    public StructureMismatchException(StructureComparison comparison)
        : base((comparison ?? throw new ArgumentNullException(nameof(comparison))).Report)
    {
        Comparison = comparison;
    }

    /// <summary>The failed comparison.</summary>
    public StructureComparison Comparison { get; }
}
