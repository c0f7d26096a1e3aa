using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Shim;

/// <summary>
/// A nested native model kept in the store with <c>GetOrCreateLayer</c> instead of a field: the
/// factory runs on the first call only, and the nested layer's <c>dense/kernel</c> and
/// <c>dense/bias</c> are tracked by this module.
/// </summary>
/// <param name="units">Output size.</param>
public sealed class NestedModel(long units) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        var model = GetOrCreateLayer("dense_model", BuildModel);
        return model.Call(input);
    }

    private Nn.Dense BuildModel() =>
        new(units, name: "dense", kernelRegularizer: Regularizers.KerasL2(), kernelInitializer: Initializers.Ones());
}
