using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Checkpoints;

/// <summary>
/// Stage 1: the first two convolutions become object-style compat layers held in fields. They take
/// the names the functional calls had, so checkpoints written by name still load; the fields also
/// give each variable an object path.
/// </summary>
public sealed class OOStyleCompatModel : Module<Tensor, Tensor>
{
    private readonly CompatLayer conv1 = new("conv2d", (x, name) => Layers.Conv2d(x, 3, 3, kernelRegularizer: Regularizers.KerasL2(), name: name));
    private readonly CompatLayer conv2 = new("conv2d", (x, name) => Layers.Conv2d(x, 4, 4, kernelRegularizer: Regularizers.KerasL2(), name: name));

    /// <summary>The first convolution.</summary>
    public CompatLayer Conv1 => conv1;

    /// <summary>The second convolution.</summary>
    public CompatLayer Conv2 => conv2;

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = conv1.Call(input);
            output = conv2.Call(output);
            return Layers.Conv2d(output, 5, 5, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}
