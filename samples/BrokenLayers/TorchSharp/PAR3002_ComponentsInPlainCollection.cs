using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.BrokenLayers.TorchSharpShaped;

/// <summary>PAR3002, broken: submodules in a <c>List</c>, which registration does not look into.</summary>
public sealed class BrokenLayerList : nn.Module<Tensor, Tensor>
{
    private readonly List<Linear> layers = [nn.Linear(4, 4), nn.Linear(4, 4)];

    /// <summary>Builds the module.</summary>
    public BrokenLayerList() : base(nameof(BrokenLayerList)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var output = input;
        foreach (var layer in layers)
        {
            output = layer.forward(output);
        }

        return output;
    }
}

/// <summary>PAR3002, fixed: a <c>ModuleList</c> registers its items.</summary>
public sealed class FixedLayerList : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> layers = nn.ModuleList(nn.Linear(4, 4), nn.Linear(4, 4));

    /// <summary>Builds the module.</summary>
    public FixedLayerList() : base(nameof(FixedLayerList)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var output = input;
        foreach (var layer in layers)
        {
            output = layer.forward(output);
        }

        return output;
    }
}
