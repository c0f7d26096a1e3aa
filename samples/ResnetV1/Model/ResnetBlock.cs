using System;
using System.Collections.Generic;
using System.Linq;

namespace Parity.Samples.ResnetV1.Model;

/// <summary>A ResNet block as slim's resnet_utils <c>Block</c> describes it: a scope, the unit function and its units' arguments, in order.</summary>
/// <param name="Scope">The block's scope (<c>block1</c>, ...); its units are <c>unit_1</c>, <c>unit_2</c>, ... inside.</param>
/// <param name="UnitFunction">Builds one unit (slim's <c>unit_fn</c>).</param>
/// <param name="Units">The units' arguments.</param>
public sealed record ResnetBlock(string Scope, ResnetUnitFunction UnitFunction, IReadOnlyList<ResnetUnit> Units)
{
    /// <summary>
    /// slim's <c>resnet_v1_block</c>: <paramref name="numUnits"/> <see cref="ResnetV1Net.Bottleneck"/> units of depth 4 × base and
    /// bottleneck depth base, all with stride 1 except the last, which takes <paramref name="stride"/>
    /// (the block's output is subsampled at its end, not its start).
    /// </summary>
    /// <param name="scope">The block's scope.</param>
    /// <param name="baseDepth">The bottleneck depth.</param>
    /// <param name="numUnits">The number of units.</param>
    /// <param name="stride">The stride of the last unit.</param>
    /// <returns>The block.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count, depth or stride is below 1.</exception>
    public static ResnetBlock V1(string scope, long baseDepth, int numUnits, long stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(numUnits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        return new(
            scope,
            (inputs, unit, endpoints) => ResnetV1Net.Bottleneck(inputs, unit.Depth, unit.DepthBottleneck, unit.Stride, endpoints),
            [.. Enumerable.Repeat(new ResnetUnit(baseDepth * 4, baseDepth, 1), numUnits - 1), new ResnetUnit(baseDepth * 4, baseDepth, stride)]);
    }
}
