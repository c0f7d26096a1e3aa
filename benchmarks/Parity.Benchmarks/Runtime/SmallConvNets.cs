using Parity.Compat;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Parity.Benchmarks.Runtime;

/// <summary>
/// One small conv net written twice: scoped-variable style through [TrackVariables] and compat
/// layers, and module style with native layers held in fields. Same ops, same shapes.
/// </summary>
internal sealed class TrackedConvNet : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("net"))
        {
            var h = Layers.Conv2d(input, 16, 3, padding: Padding.Same, activation: static t => t.relu());
            h = Layers.BatchNormalization(h);
            h = Layers.Conv2d(h, 32, 3, strides: 2, padding: Padding.Same, activation: static t => t.relu());
            h = Layers.MaxPooling2d(h, 2, 2);
            h = Layers.Flatten(h);
            return Layers.Dense(h, 10);
        }
    }
}

/// <summary>The module-style twin of <see cref="TrackedConvNet"/>.</summary>
internal sealed class NativeConvNet : Module<Tensor, Tensor>
{
    private readonly Nn.Conv2D conv1 = new(16, 3, padding: Padding.Same, activation: static t => t.relu());
    private readonly Nn.BatchNormalization norm = new();
    private readonly Nn.Conv2D conv2 = new(32, 3, strides: 2, padding: Padding.Same, activation: static t => t.relu());
    private readonly Nn.MaxPooling2D pool = new(2, 2);
    private readonly Nn.Flatten flatten = new();
    private readonly Nn.Dense dense = new(10);

    protected override Tensor Forward(Tensor input) =>
        dense.Call(flatten.Call(pool.Call(conv2.Call(norm.Call(conv1.Call(input))))));
}
