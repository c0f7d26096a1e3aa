using Parity.Compat;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Tests.Guide;

// The guide's step-by-step migration to native layers, ignoring checkpoint compatibility.

/// <summary>The starting point: compat layers in a 'model' scope.</summary>
internal sealed class CompatModel(long units) : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = Layers.Conv2d(input, 3, 3, kernelRegularizer: Regularizers.KerasL2());
            output = Layers.Flatten(output);
            output = Layers.Dropout(output, training: Training);
            return Layers.Dense(output, units, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}

/// <summary>The convolution replaced by a native layer made in the constructor.</summary>
internal sealed class PartiallyMigratedModel(long units) : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D convLayer = new(3, 3, kernelRegularizer: Regularizers.KerasL2());

    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = convLayer.Call(input);
            output = Layers.Flatten(output);
            output = Layers.Dropout(output, training: Training);
            return Layers.Dense(output, units, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}

/// <summary>Every compat layer replaced; the scope and tracking still in place.</summary>
internal sealed class NearlyFullyNativeModel(long units) : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D convLayer = new(3, 3, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Flatten flattenLayer = new();
    private readonly Nn.Dense denseLayer = new(units, kernelRegularizer: Regularizers.KerasL2());

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

/// <summary>The end point: native layers only, no scopes, no tracking.</summary>
internal sealed class FullyNativeModel(long units) : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D convLayer = new(3, 3, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Flatten flattenLayer = new();
    private readonly Nn.Dense denseLayer = new(units, kernelRegularizer: Regularizers.KerasL2());

    protected override Tensor Forward(Tensor input) => denseLayer.Call(flattenLayer.Call(convLayer.Call(input)));
}

// The guide's migration that keeps checkpoint names.

/// <summary>Three unnamed compat convolutions in a 'model' scope.</summary>
internal sealed class FunctionalStyleCompatModel : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = Layers.Conv2d(input, 3, 3, kernelRegularizer: Regularizers.KerasL2());
            output = Layers.Conv2d(output, 4, 4, kernelRegularizer: Regularizers.KerasL2());
            return Layers.Conv2d(output, 5, 5, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}

/// <summary>The first two convolutions become layer objects held in fields; the names stay.</summary>
internal sealed class OOStyleCompatModel : Module<Tensor, Tensor>
{
    private readonly CompatLayer conv1 = new("conv2d", (x, name) => Layers.Conv2d(x, 3, 3, kernelRegularizer: Regularizers.KerasL2(), name: name));
    private readonly CompatLayer conv2 = new("conv2d", (x, name) => Layers.Conv2d(x, 4, 4, kernelRegularizer: Regularizers.KerasL2(), name: name));

    public CompatLayer Conv1 => conv1;

    public CompatLayer Conv2 => conv2;

    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = conv1.Call(input);
            output = conv2.Call(output);
            return Layers.Conv2d(output, 5, 5, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}

/// <summary>The first two convolutions native; recorded scopes keep the third one's compat name.</summary>
internal sealed class PartiallyNativeKerasLayersModel(bool recordScopes) : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D conv1 = new(3, 3, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Conv2D conv2 = new(4, 4, kernelRegularizer: Regularizers.KerasL2());

    public Nn.Conv2D Conv1 => conv1;

    public Nn.Conv2D Conv2 => conv2;

    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("model"))
        {
            var output = conv1.Call(input);
            if (recordScopes)
            {
                RecordScope("conv2d");
            }

            output = conv2.Call(output);
            if (recordScopes)
            {
                RecordScope("conv2d_1");
            }

            return Layers.Conv2d(output, 5, 5, kernelRegularizer: Regularizers.KerasL2());
        }
    }
}

/// <summary>All three convolutions native, untracked.</summary>
internal sealed class FullyNativeKerasLayersModel : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D conv1 = new(3, 3, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Conv2D conv2 = new(4, 4, kernelRegularizer: Regularizers.KerasL2());
    private readonly Nn.Conv2D conv3 = new(5, 5, kernelRegularizer: Regularizers.KerasL2());

    protected override Tensor Forward(Tensor input) => conv3.Call(conv2.Call(conv1.Call(input)));
}
