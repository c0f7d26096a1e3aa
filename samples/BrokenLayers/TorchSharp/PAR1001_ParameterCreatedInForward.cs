using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.BrokenLayers.TorchSharpShaped;

/// <summary>PAR1001 (TorchSharp), broken: a new parameter every time <c>forward</c> runs.</summary>
public sealed class BrokenScale : nn.Module<Tensor, Tensor>
{
    /// <summary>Builds the module.</summary>
    public BrokenScale() : base(nameof(BrokenScale)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var scale = new Parameter(torch.ones(1));
        return input * scale;
    }
}

/// <summary>PAR1001 (TorchSharp), fixed: the parameter is a field made in the constructor and registered.</summary>
public sealed class FixedScale : nn.Module<Tensor, Tensor>
{
    private readonly Parameter scale = new(torch.ones(1));

    /// <summary>Builds the module.</summary>
    public FixedScale() : base(nameof(FixedScale)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input * scale;
}
