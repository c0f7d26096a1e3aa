using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.BrokenLayers;

/// <summary>
/// PAR1003, broken: unnamed compat layers at the root of the forward pass. Root name counters never
/// reset, so the second call asks for <c>dense_2</c> and <c>dense_3</c> and gets new variables.
/// </summary>
public sealed class BrokenRootCompatLayers : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        var hidden = Layers.Dense(input, 4);
        return Layers.Dense(hidden, 2);
    }
}

/// <summary>PAR1003, fixed: a named variable scope around the layers makes their names the same on every call.</summary>
public sealed class FixedRootCompatLayers : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var hidden = Layers.Dense(input, 4);
            return Layers.Dense(hidden, 2);
        }
    }
}
