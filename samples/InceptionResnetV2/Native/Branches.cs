using System.Linq;
using Parity.Mapping;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>
/// Towers that all read the same input, joined along channels in order; tower i stands for TF's
/// <c>Branch_i</c>. (A <c>ModuleList</c>, not a <c>ModuleDict</c>: TorchSharp 0.107's <c>to(dtype)</c>
/// throws on a module holding a <c>ModuleDict</c>.)
/// </summary>
public sealed class Branches : nn.Module<Tensor, Tensor>, ITfWeights
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> towers;

    /// <summary>Declares the towers.</summary>
    /// <param name="towers">Branch_0, Branch_1, ... in order.</param>
    public Branches(params nn.Module<Tensor, Tensor>[] towers)
        : base(nameof(Branches))
    {
        this.towers = nn.ModuleList(towers);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat(towers.Select(tower => tower.call(input)).ToArray(), 1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void MapWeights(WeightMapBuilder map, string scope)
    {
        for (var i = 0; i < towers.Count; i++)
        {
            map.Layer($"{scope}/Branch_{i}", towers[i]);
        }
    }

    /// <summary>A tower of named layers applied in turn (slim's layer scopes, e.g. <c>Conv2d_0a_1x1</c>).</summary>
    /// <param name="layers">Name and layer pairs, first to last.</param>
    /// <returns>The tower.</returns>
    public static Sequential Tower(params (string Name, nn.Module<Tensor, Tensor> Layer)[] layers) => nn.Sequential(layers);
}
