using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Benchmarks.Models.HandWritten;

/// <summary>
/// Block35, Block17 and Block8: the branches' concatenation, a linear 1x1 projection back to the trunk
/// depth (with bias, no batch norm), scaled and added to the input, then ReLU unless it is the last block.
/// </summary>
internal sealed class ScaledResidual : nn.Module<Tensor, Tensor>
{
    private readonly Branches branches;
    private readonly Conv2d up;
    private readonly double scale;
    private readonly bool activate;

    public ScaledResidual(Branches branches, long mixedChannels, long depth, double scale, bool activate = true)
        : base(nameof(ScaledResidual))
    {
        this.branches = branches;
        up = nn.Conv2d(mixedChannels, depth, 1);
        this.scale = scale;
        this.activate = activate;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input + (scale * up.call(branches.call(input)));
        return (activate ? nn.functional.relu(x) : x).MoveToOuterDisposeScope();
    }
}
