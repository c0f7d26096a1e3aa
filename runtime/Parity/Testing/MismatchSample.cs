namespace Parity.Testing;

/// <summary>One mismatched element: where it is and both values, as the dtype prints them.</summary>
/// <param name="Index">The element's index, one entry per dimension.</param>
/// <param name="Actual">The actual value (shortest round-trip text for floats, exact for integers).</param>
/// <param name="Expected">The expected value, formatted the same way.</param>
public sealed record MismatchSample(long[] Index, string Actual, string Expected);
