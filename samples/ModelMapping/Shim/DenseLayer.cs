using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Shim;

/// <summary>
/// A dense layer written directly on <c>GetVariable</c>, made a module by marking its forward pass
/// <see cref="TrackVariablesAttribute"/>: the first call creates <c>dense/kernel</c> and
/// <c>dense/bias</c>, later calls reuse them, and the kernel's L2 loss shows up in <see cref="Module{TIn, TOut}.Losses"/>.
/// </summary>
/// <param name="units">Output size.</param>
public sealed class DenseLayer(long units) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("dense"))
        {
            var kernel = GetVariable("kernel", [input.size(-1), units], regularizer: Regularizers.KerasL2(), initializer: Initializers.GlorotNormal());
            var bias = GetVariable("bias", [units], initializer: Initializers.Zeros());
            return input.matmul(kernel) + bias;
        }
    }
}
