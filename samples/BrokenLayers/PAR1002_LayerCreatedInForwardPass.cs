using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.BrokenLayers;

/// <summary>PAR1002, broken: a native dense layer is constructed in the forward pass, so every call builds new weights.</summary>
public sealed class BrokenDenseInForward : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input)
    {
        var dense = new Nn.Dense(3);
        return dense.Call(input);
    }
}

/// <summary>PAR1002, fixed: the layer is made once, in a field initializer, and reused.</summary>
public sealed class FixedDenseInForward : Module<Tensor, Tensor>
{
    private readonly Nn.Dense dense = new(3);

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => dense.Call(input);
}
