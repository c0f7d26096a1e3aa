using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Benchmarks.Models.HandWritten;

/// <summary>Runs every branch on the same input and concatenates their outputs along the channels.</summary>
internal sealed class Branches : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> branches;

    public Branches(params nn.Module<Tensor, Tensor>[] branches)
        : base(nameof(Branches))
    {
        this.branches = nn.ModuleList(branches);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat(branches.Select(branch => branch.call(input)).ToArray(), 1).MoveToOuterDisposeScope();
    }
}
