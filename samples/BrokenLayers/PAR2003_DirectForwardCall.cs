using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.BrokenLayers;

/// <summary>
/// PAR2003, broken: an entry point that calls <c>Forward</c> itself skips <c>Call</c>, which is what
/// activates the module's store; the tracked body then has no store.
/// </summary>
public sealed class BrokenDirectForward : Module<Tensor, Tensor>
{
    /// <summary>Scores a batch.</summary>
    /// <param name="input">The batch.</param>
    /// <returns>The scores.</returns>
    public Tensor Predict(Tensor input) => Forward(input);

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("dense"))
        {
            return input.matmul(GetVariable("kernel", [input.size(-1), 3]));
        }
    }
}

/// <summary>PAR2003, fixed: the entry point goes through <c>Call</c>.</summary>
public sealed class FixedDirectForward : Module<Tensor, Tensor>
{
    /// <summary>Scores a batch.</summary>
    /// <param name="input">The batch.</param>
    /// <returns>The scores.</returns>
    public Tensor Predict(Tensor input) => Call(input);

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("dense"))
        {
            return input.matmul(GetVariable("kernel", [input.size(-1), 3]));
        }
    }
}
