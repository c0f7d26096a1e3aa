using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.BrokenLayers.TorchSharpShaped;

/// <summary>
/// PAR3004 (TorchSharp), broken: the layer is sized on the first call and stored after
/// <c>RegisterComponents()</c> ran, so <c>parameters()</c> and <c>state_dict()</c> never see it.
/// </summary>
public sealed class BrokenLazyHead : nn.Module<Tensor, Tensor>
{
    private Linear? linear;

    /// <summary>Builds the module.</summary>
    public BrokenLazyHead() : base(nameof(BrokenLazyHead)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        linear ??= nn.Linear(input.shape[1], 3);
        return linear.forward(input);
    }
}

/// <summary>PAR3004 (TorchSharp), fixed: the lazily built layer is registered where it is built.</summary>
public sealed class FixedLazyHead : nn.Module<Tensor, Tensor>
{
    private Linear? linear;

    /// <summary>Builds the module.</summary>
    public FixedLazyHead() : base(nameof(FixedLazyHead)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (linear is null)
        {
            linear = nn.Linear(input.shape[1], 3);
            register_module("linear", linear);
        }

        return linear.forward(input);
    }
}
