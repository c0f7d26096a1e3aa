using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Checkpoints;

/// <summary>
/// Name-preserving migration, stage 0: three unnamed compat convolutions in a <c>model</c> scope,
/// named <c>model/conv2d</c>, <c>model/conv2d_1</c>, <c>model/conv2d_2</c>.
/// </summary>
public sealed class FunctionalStyleCompatModel : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = Layers.Conv2d(input, 3, 3, kernelRegularizer: Regularizers.KerasL2());
            output = Layers.Conv2d(output, 4, 4, kernelRegularizer: Regularizers.KerasL2());
            return Layers.Conv2d(output, 5, 5, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}
