namespace Parity.Samples.ResnetV1.Model;

/// <summary>The arguments of one bottleneck unit (an entry of a slim <c>Block</c>'s <c>args</c>).</summary>
/// <param name="Depth">Output channels of the unit.</param>
/// <param name="DepthBottleneck">Channels of the unit's 1×1 and 3×3 bottleneck convs.</param>
/// <param name="Stride">The unit's stride, taken by its 3×3 conv and its shortcut.</param>
public sealed record ResnetUnit(long Depth, long DepthBottleneck, long Stride);
