using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.ModelMapping.Migration;

/// <summary>Stage 3, the end: native layers only, no scope, no <see cref="TrackVariablesAttribute"/>.</summary>
/// <param name="units">Output size.</param>
public sealed class FullyNativeModel(long units) : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D convLayer = new(3, 3, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Flatten flattenLayer = new();
    private readonly Nn.Dense denseLayer = new(units, kernelRegularizer: Regularizers.KerasL2());

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => denseLayer.Call(flattenLayer.Call(convLayer.Call(input)));
}
