using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Shim;

/// <summary>
/// A tracked module holding another tracked module in a field, made once in the constructor. Each
/// has its own store, but they share the scope stack, so the inner one's variables are named
/// <c>outer/inner_dense/...</c>; the two unnamed compat layers take <c>outer/dense</c> and <c>outer/dense_1</c>.
/// </summary>
/// <param name="units">Output size of the nested layer.</param>
public sealed class WrappedDenseLayer(long units) : Module<Tensor, Tensor>
{
    private readonly NestedLayer denseLayer = new(units);

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("outer"))
        {
            var output = Layers.Dense(input, 3);
            output = Layers.Dense(input, 4);
            return denseLayer.Call(output);
        }
    }

    /// <summary>The nested layer: <c>GetVariable</c> in its own tracked forward pass, under <c>inner_dense</c>.</summary>
    /// <param name="units">Output size.</param>
    public sealed class NestedLayer(long units) : Module<Tensor, Tensor>
    {
        /// <inheritdoc/>
        [TrackVariables]
        protected override Tensor Forward(Tensor input)
        {
            using (VariableScope("inner_dense"))
            {
                var kernel = GetVariable("kernel", [input.size(-1), units], regularizer: Regularizers.KerasL2(), initializer: Initializers.GlorotNormal());
                var bias = GetVariable("bias", [units], initializer: Initializers.Zeros());
                return input.matmul(kernel) + bias;
            }
        }
    }
}
