using Parity.Mapping;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.ModelMapping.Migration;

/// <summary>
/// Stage 3, the end: the model as a TorchSharp user writes it, TorchSharp's own <c>Conv2d</c> and
/// <c>Linear</c> on NCHW input, no Parity code. It cannot draw the compat model's random initial values,
/// so the check copies the previous stage's variables into it through <see cref="TfWeightMap"/> (which
/// also reorders the dense kernel's rows: TF flattened NHWC, this model flattens NCHW).
/// </summary>
public sealed class FullyNativeModel : nn.Module<Tensor, Tensor>, ITfWeights
{
    /// <summary>Keras' default L2 factor, as the compat stages regularize their kernels.</summary>
    private const double L2 = 0.01;

    private readonly Conv2d conv;
    private readonly Linear dense;
    private readonly (long Channels, long Height, long Width) flattened;

    /// <summary>Declares the model for NCHW images of a known size.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="units">Output size.</param>
    public FullyNativeModel(long inChannels, long height, long width, long units)
        : base(nameof(FullyNativeModel))
    {
        conv = nn.Conv2d(inChannels, 3, 3);
        flattened = (3, height - 2, width - 2);
        dense = nn.Linear(flattened.Channels * flattened.Height * flattened.Width, units);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return dense.call(conv.call(input).flatten(1)).MoveToOuterDisposeScope();
    }

    /// <summary>Keras' L2 on both kernels, as the compat stages' regularization loss.</summary>
    /// <returns>The scalar loss.</returns>
    public Tensor RegularizationLoss() => (conv.weight.square().sum() + dense.weight.square().sum()) * L2;

    /// <summary>The map from the compat stages' names (<c>model/conv2d/kernel</c>, <c>model/dense/kernel</c>, ...) to this model's weights.</summary>
    /// <returns>The map.</returns>
    public WeightMap TfWeightMap() => new WeightMapBuilder(this, TfNaming.Layers).Layer("model", this).Build();

    /// <inheritdoc/>
    public void MapWeights(WeightMapBuilder map, string scope) =>
        map.Layer($"{scope}/conv2d", conv)
            .Add($"{scope}/dense/kernel", dense.weight, WeightLayout.FlattenedDenseKernel(flattened.Channels, flattened.Height, flattened.Width))
            .Add($"{scope}/dense/bias", dense.bias!);
}
