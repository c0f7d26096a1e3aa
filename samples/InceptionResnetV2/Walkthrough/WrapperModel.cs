using System;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Torch;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>
/// A model that holds the shim as a sublayer and, like a functional model built on a symbolic
/// input, builds it (creates every variable) when constructed, before any real call.
/// </summary>
public sealed class WrapperModel : Module<Tensor, InceptionOutput>
{
    private readonly ShimInceptionResnetV2 layer;

    /// <summary>Wraps <paramref name="layer"/> and builds it for inputs of <paramref name="inputShape"/>.</summary>
    /// <param name="layer">The shim layer.</param>
    /// <param name="inputShape">The NHWC input shape, batch included.</param>
    public WrapperModel(ShimInceptionResnetV2 layer, long[] inputShape)
    {
        this.layer = layer ?? throw new ArgumentNullException(nameof(layer));
        using (Torch.Torch.NoGrad())
        using (Torch.Torch.NewDisposeScope())
        {
            // Inference mode: building draws the initializers and nothing else.
            layer.Call(Tensor.Zeros(inputShape), training: false);
        }
    }

    /// <inheritdoc/>
    protected override InceptionOutput Forward(Tensor input) => layer.Call(input);
}
