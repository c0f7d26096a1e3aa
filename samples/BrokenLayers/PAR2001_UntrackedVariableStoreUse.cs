using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.BrokenLayers;

/// <summary>PAR2001, broken: <c>GetVariable</c> in a forward pass without <see cref="TrackVariablesAttribute"/>; there is no store to get from.</summary>
public sealed class BrokenUntrackedGetVariable : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("dense"))
        {
            var kernel = GetVariable("kernel", [input.size(-1), 3]);
            return input.matmul(kernel);
        }
    }
}

/// <summary>PAR2001, fixed: the forward pass is tracked, so the module's own store creates the kernel once.</summary>
public sealed class FixedTrackedGetVariable : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("dense"))
        {
            var kernel = GetVariable("kernel", [input.size(-1), 3]);
            return input.matmul(kernel);
        }
    }
}
