using Parity.Compat;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Tests.Guide;

// The model-mapping guide's examples, ported. Each keeps the guide's structure so the expected
// variable names can be worked out from the scope semantics alone.

/// <summary>A dense layer written directly with GetVariable.</summary>
internal sealed class DenseLayer(long units) : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("dense"))
        {
            var kernel = GetVariable("kernel", [input.size(-1), units], regularizer: Regularizers.KerasL2(), initializer: Initializers.GlorotNormal());
            var bias = GetVariable("bias", [units], initializer: Initializers.Zeros());
            return input.matmul(kernel.Value).add(bias.Value);
        }
    }
}

/// <summary>conv2d → flatten → dense with compat layers in a 'model' scope.</summary>
internal sealed class CompatV1LayerModel(long units) : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = Layers.Conv2d(input, 3, 3, kernelRegularizer: Regularizers.KerasL2());
            output = Layers.Flatten(output);
            return Layers.Dense(output, units, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}

/// <summary>A compat batch norm in its own scope, following the call's training mode.</summary>
internal sealed class CompatV1BatchNorm : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("batch_norm_layer"))
        {
            return Layers.BatchNormalization(input, training: Training);
        }
    }
}

/// <summary>A small untracked model holding a native dense layer, built by a factory.</summary>
internal sealed class DenseModel : Module<Tensor, Tensor>
{
    private readonly Nn.Dense dense = new(10, name: "dense", kernelRegularizer: Regularizers.KerasL2(), kernelInitializer: Initializers.Ones());

    protected override Tensor Forward(Tensor input) => dense.Call(input);
}

/// <summary>Gets or creates its nested model instead of holding it in a field.</summary>
internal sealed class NestedModel : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        var model = GetOrCreateLayer("dense_model", () => new DenseModel());
        return model.Call(input);
    }
}

/// <summary>A tracked GetVariable layer meant to be nested.</summary>
internal sealed class NestedLayer(long units) : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("inner_dense"))
        {
            var kernel = GetVariable("kernel", [input.size(-1), units], regularizer: Regularizers.KerasL2(), initializer: Initializers.GlorotNormal());
            var bias = GetVariable("bias", [units], initializer: Initializers.Zeros());
            return input.matmul(kernel.Value).add(bias.Value);
        }
    }
}

/// <summary>Two compat dense layers and a nested tracked layer held in a field, in an 'outer' scope.</summary>
internal sealed class WrappedDenseLayer(long units) : Module<Tensor, Tensor>
{
    private readonly NestedLayer denseLayer = new(units);

    public NestedLayer Inner => denseLayer;

    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("outer"))
        {
            var outputs = Layers.Dense(input, 3);
            outputs = Layers.Dense(input, 4);
            return denseLayer.Call(outputs);
        }
    }
}

/// <summary>A template made once in the constructor and called in a 'layer' scope.</summary>
internal sealed class CompatV1TemplateScaleByY : Module<Tensor, Tensor>
{
    private readonly System.Func<Tensor, Tensor> scaleByY = MakeTemplate<Tensor, Tensor>("scale_by_y", ScaleBy("y"));

    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("layer"))
        {
            return scaleByY(input);
        }
    }

    private static System.Func<Tensor, Tensor> ScaleBy(string scalarName) =>
        x => x.mul(GetVariable(scalarName, [], regularizer: Regularizers.KerasL2(), initializer: Initializers.Constant(1.5)).Value);
}
