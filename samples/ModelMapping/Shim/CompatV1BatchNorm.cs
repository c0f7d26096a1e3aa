using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Shim;

/// <summary>
/// Batch normalization through the compat layer, driven by the module's training mode: a training
/// call normalizes with the batch statistics and updates the moving averages right away (no update
/// ops to run by hand).
/// </summary>
public sealed class CompatV1BatchNorm : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("batch_norm_layer"))
        {
            return Layers.BatchNormalization(input, training: Training);
        }
    }
}
