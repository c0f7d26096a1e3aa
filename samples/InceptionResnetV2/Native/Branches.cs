using System.Collections.Generic;
using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>Towers that all read the same input; their outputs are joined along channels, in order.</summary>
/// <param name="towers">The towers (Branch_0, Branch_1, ...).</param>
public sealed class Branches(params IReadOnlyList<Module<Tensor, Tensor>> towers) : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor>[] towers = [.. towers];

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input)
    {
        var outputs = new Tensor[towers.Length];
        for (var i = 0; i < towers.Length; i++)
        {
            outputs[i] = towers[i].Call(input);
        }

        return Layers.Concat(outputs, axis: 3);
    }
}
