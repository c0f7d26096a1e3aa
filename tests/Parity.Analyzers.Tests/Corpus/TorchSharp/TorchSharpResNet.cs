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

        // Sized on the first call and registered there: RegisterComponents() ran in the constructor.
        if (_head is null)
        {
            _head = nn.Linear(_widths[^1], 10);
            register_module("head", _head);
        }

        return _head.forward(nn.functional.relu(x));
    }
}

public sealed class Stateless : nn.Module<Tensor, Tensor>
{
    public Stateless() : base(nameof(Stateless)) { }

    public override Tensor forward(Tensor input) => nn.functional.relu(input);
}

public sealed class Heads : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _trunk = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Dropout(0.1));
    private readonly ModuleDict<Linear> _heads = nn.ModuleDict<Linear>(("a", nn.Linear(8, 2)), ("b", nn.Linear(8, 2)));
    private readonly Parameter _temperature;
    private Tensor? _lastInput;

    public Heads() : base(nameof(Heads))
    {
        RegisterComponents();
        // Registered by name after RegisterComponents(): explicit registration works at any time.
        _temperature = nn.Parameter(torch.ones(1));
        register_parameter("temperature", _temperature);
    }

    public override Tensor forward(Tensor input)
    {
        // A cache assigned after registration is not a weight.
        _lastInput = input.detach();
        var x = _trunk.forward(input);
        return (_heads["a"].forward(x) + _heads["b"].forward(x)) / _temperature;
    }
}
