// Correct-code corpus: TorchSharp modules built through helpers and subclasses, the shapes that look like
// mistakes and are not.
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Corpus.TorchSharp;

public class Encoder : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _stem;
    private readonly Linear _proj = nn.Linear(16, 16);
    private readonly Tensor _positions = torch.arange(16).to_type(ScalarType.Float32);
    private readonly (int Height, int Width) _patch = (4, 4);
    private readonly Dictionary<long, Tensor> _masks = new();

    public Encoder() : base(nameof(Encoder))
    {
        // A helper called from the constructor builds once.
        _stem = MakeStem(3, 16);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = Embed(_stem.forward(input));
        return _proj.forward(x * Mask(x.shape[^1]));
    }

    private static Sequential MakeStem(long channels, long width)
        => nn.Sequential(nn.Conv2d(channels, width, 3), nn.BatchNorm2d(width), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten());

    // Helpers the forward pass calls every time, creating nothing that holds weights.
    private Tensor Embed(Tensor features) => nn.functional.gelu(features + _positions / (_patch.Height * _patch.Width));

    private Tensor Mask(long width)
    {
        if (!_masks.TryGetValue(width, out var mask))
        {
            mask = torch.ones(width);
            _masks[width] = mask;
        }

        return mask;
    }
}

// The base constructor's RegisterComponents() registers this class's fields too: its initializers run first.
public sealed class GatedEncoder : Encoder
{
    private readonly Linear _gate = nn.Linear(16, 16);

    public override Tensor forward(Tensor input)
    {
        var x = base.forward(input);
        return x * nn.functional.sigmoid(_gate.forward(x));
    }
}

public sealed class LazyHead : nn.Module<Tensor, Tensor>
{
    private Linear? _head;

    public LazyHead() : base(nameof(LazyHead)) => RegisterComponents();

    public override Tensor forward(Tensor input)
    {
        // Created by a helper once, behind the guard, and registered there.
        if (_head is null)
        {
            _head = MakeHead(input.shape[^1]);
            register_module("head", _head);
        }

        return _head.forward(input);
    }

    private static Linear MakeHead(long features) => nn.Linear(features, 2);
}
