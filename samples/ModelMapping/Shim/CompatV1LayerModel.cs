using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Shim;

/// <summary>
/// A model on compat functional layers (conv, flatten, dense) inside the named scope <c>model</c>.
/// The scope is what keeps the automatic layer names (<c>conv2d</c>, <c>dense</c>) the same on
/// every call, so the variables are reused.
/// </summary>
/// <param name="units">Output size.</param>
public sealed class CompatV1LayerModel(long units) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = Layers.Conv2d(input, 3, 3, kernelRegularizer: Regularizers.KerasL2());
            output = Layers.Flatten(output);
            return Layers.Dense(output, units, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}
