using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.ModelMapping.Checkpoints;

/// <summary>Stage 3: three native convolutions in fields; no compat layer and no tracking left.</summary>
public sealed class FullyNativeKerasLayersModel : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D conv1 = new(3, 3, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Conv2D conv2 = new(4, 4, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Conv2D conv3 = new(5, 5, kernelRegularizer: Regularizers.KerasL2());

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => conv3.Call(conv2.Call(conv1.Call(input)));
}
