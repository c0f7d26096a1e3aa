using Parity;
using Parity.Compat;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Consumer;

// Scoped-variable code on the real runtime: one module right, two with the mistakes users make.
public sealed class NamedTower : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("tower"))
        {
            var hidden = Layers.Dense(input, 16, activation: t => t.relu());
            return Layers.Dense(hidden, 4, name: "logits");
        }
    }
}

public sealed class UnnamedTower : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        var hidden = Layers.Dense(input, 16); // expect warning PAR1003
        return Layers.Dense(hidden, 4, name: "logits");
    }
}

// PAR2001 points at the forward pass, where [TrackVariables] belongs.
public sealed class UntrackedScale : Module<Tensor, Tensor>
{
    protected override Tensor Forward(Tensor input) // expect warning PAR2001
    {
        var scale = GetVariable("scale", new long[] { 1 });
        return input * scale.Value;
    }
}
