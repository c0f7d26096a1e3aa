using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Migration;

/// <summary>Stage 2: every compat layer replaced by a native one; the scope and the tracking are still there.</summary>
/// <param name="units">Output size.</param>
public sealed class NearlyFullyNativeModel(long units) : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D convLayer = new(3, 3, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Flatten flattenLayer = new();
    private readonly Nn.Dense denseLayer = new(units, kernelRegularizer: Regularizers.KerasL2());

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = convLayer.Call(input);
            output = flattenLayer.Call(output);
            return denseLayer.Call(output);
        }
    }
}
