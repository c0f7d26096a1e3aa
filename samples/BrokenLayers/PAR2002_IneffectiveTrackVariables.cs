using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.BrokenLayers;

/// <summary>
/// PAR2002, broken: <see cref="TrackVariablesAttribute"/> sits on a helper, where it does nothing; the
/// forward pass that calls the helper is untracked, so <c>GetVariable</c> finds no store.
/// </summary>
public sealed class BrokenTrackedHelper : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => Project(input);

    [TrackVariables]
    private static Tensor Project(Tensor input)
    {
        using (VariableScope("projection"))
        {
            return input.matmul(GetVariable("kernel", [input.size(-1), 3]));
        }
    }
}

/// <summary>PAR2002, fixed: the attribute is on the <c>Forward</c> override, which tracks everything it calls.</summary>
public sealed class FixedTrackedForward : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input) => Project(input);

    private static Tensor Project(Tensor input)
    {
        using (VariableScope("projection"))
        {
            return input.matmul(GetVariable("kernel", [input.size(-1), 3]));
        }
    }
}
