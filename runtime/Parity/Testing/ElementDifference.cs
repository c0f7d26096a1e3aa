namespace Parity.Testing;

/// <summary>One element's difference, located by its index in the compared tensors.</summary>
/// <param name="Index">The element's index, one entry per dimension.</param>
/// <param name="Difference">The absolute or relative difference at that element.</param>
/// <param name="Allowed">What the tolerance allowed there (atol + rtol·|expected| for absolute, rtol for relative).</param>
public sealed record ElementDifference(long[] Index, double Difference, double Allowed);
