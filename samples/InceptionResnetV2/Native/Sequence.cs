using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>Layers applied one after another (one tower of an Inception branch set).</summary>
/// <param name="layers">The layers, first to last.</param>
public sealed class Sequence(params IReadOnlyList<Module<Tensor, Tensor>> layers) : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor>[] layers = [.. layers];

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input)
    {
        var net = input;
        foreach (var layer in layers)
        {
            net = layer.Call(net);
        }

        return net;
    }
}
