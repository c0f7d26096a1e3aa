using System;
using Parity.Samples.InceptionResnetV2.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>
/// A model that holds the shim as a sublayer and, like a functional model built on a symbolic
/// input, builds it (creates every variable) when constructed, before any real call.
/// </summary>
public sealed class WrapperModel : Module<Tensor, InceptionOutput>
{
    private readonly Module<Tensor, InceptionOutput> layer;

    /// <summary>Wraps <paramref name="layer"/> and builds it for inputs of <paramref name="inputShape"/>.</summary>
    /// <param name="layer">The shim layer.</param>
    /// <param name="inputShape">The NHWC input shape, batch included.</param>
    public WrapperModel(Module<Tensor, InceptionOutput> layer, long[] inputShape)
    {
        this.layer = layer ?? throw new ArgumentNullException(nameof(layer));
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            // Inference mode: building draws the initializers and nothing else.
            layer.Call(zeros(inputShape), training: false);
        }
    }

    /// <inheritdoc/>
    protected override InceptionOutput Forward(Tensor input) => layer.Call(input);
}
