using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Migration;

/// <summary>Incremental migration, stage 0: compat functional layers in a <c>model</c> scope.</summary>
/// <param name="units">Output size.</param>
public sealed class CompatModel(long units) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = Layers.Conv2d(input, 3, 3, kernelRegularizer: Regularizers.KerasL2());
            output = Layers.Flatten(output);
            output = Layers.Dropout(output, training: Training);
            return Layers.Dense(output, units, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}
