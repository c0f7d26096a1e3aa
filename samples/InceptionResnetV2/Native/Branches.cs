using System.Linq;
using Parity.Mapping;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>
/// Towers that all read the same input, joined along channels in order. The towers are kept under
/// <c>Branch_0</c>, <c>Branch_1</c>, ..., the names of their TF scopes.
/// </summary>
public sealed class Branches : nn.Module<Tensor, Tensor>, ITfWeights
{
    private readonly ModuleDict<nn.Module<Tensor, Tensor>> towers = new();

    /// <summary>Declares the towers.</summary>
    /// <param name="towers">Branch_0, Branch_1, ... in order.</param>
    public Branches(params nn.Module<Tensor, Tensor>[] towers)
        : base(nameof(Branches))
    {
        for (var i = 0; i < towers.Length; i++)
        {
            this.towers.Add($"Branch_{i}", towers[i]);
        }

        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat(towers.values().Select(tower => tower.call(input)).ToArray(), 1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void MapWeights(WeightMapBuilder map, string scope)
    {
        foreach (var (name, tower) in towers)
        {
            map.Layer($"{scope}/{name}", tower);
        }
    }

    /// <summary>A tower of named layers applied in turn (slim's layer scopes, e.g. <c>Conv2d_0a_1x1</c>).</summary>
    /// <param name="layers">Name and layer pairs, first to last.</param>
    /// <returns>The tower.</returns>
    public static Sequential Tower(params (string Name, nn.Module<Tensor, Tensor> Layer)[] layers) => nn.Sequential(layers);
}
