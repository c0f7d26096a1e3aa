using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Checkpoints;

/// <summary>
/// Stage 2: the first two convolutions are native layers. Native layers do not move the compat
/// name counters, so the scopes they used to take are recorded by hand; the remaining unnamed
/// compat convolution then still gets <c>model/conv2d_2</c>.
/// </summary>
public sealed class PartiallyNativeKerasLayersModel : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D conv1 = new(3, 3, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Conv2D conv2 = new(4, 4, kernelRegularizer: Regularizers.KerasL2());

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = conv1.Call(input);
            RecordScope("conv2d");
            output = conv2.Call(output);
            RecordScope("conv2d_1");
            return Layers.Conv2d(output, 5, 5, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}
