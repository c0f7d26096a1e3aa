using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Migration;

/// <summary>
/// Stage 1: the convolution is a native layer made once in the constructor. It builds on its first
/// call, where the compat convolution created its kernel, so random draws happen in the same order.
/// </summary>
/// <param name="units">Output size.</param>
public sealed class PartiallyMigratedModel(long units) : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D convLayer = new(3, 3, kernelRegularizer: Regularizers.KerasL2());

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = convLayer.Call(input);
            output = Layers.Flatten(output);
            output = Layers.Dropout(output, training: Training);
            return Layers.Dense(output, units, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}
