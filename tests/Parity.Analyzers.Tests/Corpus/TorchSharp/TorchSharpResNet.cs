// Correct-code corpus: TorchSharp modules that register their components and build their layers once.
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Corpus.TorchSharp;

public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly Conv2d _conv2;
    private readonly ReLU _relu = nn.ReLU();
    private readonly Parameter _scale = nn.Parameter(torch.ones(1));

    public BasicBlock(long channels) : base(nameof(BasicBlock))
    {
        _conv1 = nn.Conv2d(channels, channels, 3);
        _conv2 = nn.Conv2d(channels, channels, 3);
        RegisterComponents();
    }

    public Conv2d First => _conv1;

    public override Tensor forward(Tensor input)
    {
        var x = _relu.forward(_conv1.forward(input));
        return _relu.forward(_conv2.forward(x) * _scale + input);
    }
}

public sealed class ResNet : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<BasicBlock> _blocks;
    private readonly ParameterList _gains = nn.ParameterList(nn.Parameter(torch.ones(1)));
    private readonly List<int> _widths = new() { 64, 64 };
    private Linear? _head;

    public ResNet() : base(nameof(ResNet))
    {
        _blocks = nn.ModuleList(new BasicBlock(64), new BasicBlock(64));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var block in _blocks)
        {
            x = block.forward(x);
        }

        _head ??= nn.Linear(_widths[^1], 10);
        return _head.forward(nn.functional.relu(x));
    }
}

public sealed class Stateless : nn.Module<Tensor, Tensor>
{
    public Stateless() : base(nameof(Stateless)) { }

    public override Tensor forward(Tensor input) => nn.functional.relu(input);
}
