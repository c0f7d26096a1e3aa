using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Corpus.TorchSharpStyle;

// A residual MLP written the way TorchSharp code is usually written: components made and registered once.
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly ReLU relu = nn.ReLU();

    public ResidualBlock(long width) : base(nameof(ResidualBlock))
    {
        fc1 = nn.Linear(width, width);
        fc2 = nn.Linear(width, width);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var hidden = relu.forward(fc1.forward(input));
        return relu.forward(input + fc2.forward(hidden));
    }
}

public sealed class ResidualMlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear stem;
    private readonly Sequential blocks;
    private readonly Parameter scale;
    private Linear? head;

    public ResidualMlp(long inputs, long width) : base(nameof(ResidualMlp))
    {
        stem = nn.Linear(inputs, width);
        blocks = nn.Sequential(new ResidualBlock(width), new ResidualBlock(width));
        scale = nn.Parameter(ones(width));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        head ??= nn.Linear(8, 1);
        var x = blocks.forward(stem.forward(input));
        return head.forward(x * scale);
    }
}

// The mistakes a port from scoped-variable code tends to make.
public sealed class PortedTower : nn.Module<Tensor, Tensor>
{
    private readonly List<Linear> layers = new();
    private readonly Conv2d stem;

    public PortedTower(int depth) : base(nameof(PortedTower))
    {
        for (var i = 0; i < depth; i++)
        {
            layers.Add(nn.Linear(16, 16));
        }

        stem = nn.Conv2d(3, 16, 3);
    }

    public Linear Projection { get; } = nn.Linear(16, 4);

    public override Tensor forward(Tensor input)
    {
        var x = stem.forward(input);
        foreach (var layer in layers)
        {
            x = layer.forward(x).relu();
        }

        var gate = nn.Linear(16, 16);
        var bias = new Parameter(zeros(16));
        var w = nn.Parameter(randn(16, 16));
        return Projection.forward(nn.functional.relu(gate.forward(x) + bias + x.matmul(w)));
    }
}
