using Parity.Mapping;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.MnistMlp;

/// <summary>
/// The 784-100-25-10 MLP that wrote the <c>mnist-mlp-adam</c> checkpoint, ported to TorchSharp's own
/// layers. The TF1 original (<c>impl/mnistfc.py</c>) builds three <c>name_scope</c>s, each with a
/// <c>w</c> of shape [in, out] and a <c>b</c>, computes <c>relu(x·w + b)</c> twice and then plain logits
/// (<c>output/output</c>), with <c>output/sm</c> their softmax.
/// </summary>
public sealed class MnistMlp : nn.Module<Tensor, Tensor>
{
    // TorchSharp registers fields under their names, so the state_dict keys are h1.weight, h1.bias, ...
    private readonly Linear h1 = nn.Linear(784, 100);
    private readonly Linear h2 = nn.Linear(100, 25);
    private readonly Linear output = nn.Linear(25, 10);

    /// <summary>Creates the model with TorchSharp's default initialization; load the trained weights with <see cref="TfWeightMap"/>.</summary>
    public MnistMlp()
        : base(nameof(MnistMlp))
    {
        RegisterComponents();
    }

    /// <summary>
    /// How the checkpoint's names reach this model: TF's <c>h1/w</c> is [in, out] where a
    /// <c>Linear</c> holds [out, in], so every <c>w</c> is transposed once, when it is copied.
    /// </summary>
    /// <returns>The weight map of this model.</returns>
    public WeightMap TfWeightMap() => new WeightMapBuilder(this)
        .Add("h1/w", h1.weight!, WeightLayout.DenseKernel).Add("h1/b", h1.bias!)
        .Add("h2/w", h2.weight!, WeightLayout.DenseKernel).Add("h2/b", h2.bias!)
        .Add("output/w", output.weight!, WeightLayout.DenseKernel).Add("output/b", output.bias!)
        .Build();

    /// <summary>The logits (TF's <c>output/output</c>) of a batch of flattened 28×28 images.</summary>
    /// <param name="input">Images as [batch, 784] float32.</param>
    /// <returns>Logits, [batch, 10].</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var hidden1 = nn.functional.relu(h1.forward(input));
        var hidden2 = nn.functional.relu(h2.forward(hidden1));
        return output.forward(hidden2).MoveToOuterDisposeScope();
    }
}
