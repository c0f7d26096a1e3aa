using System.Collections.Generic;
using Parity;
using Parity.Nn;
using static TorchSharp.torch;

namespace Corpus.NativeStyle;

// Module-style code after migration: layers are fields made once, built lazily on first call.
public sealed class ResidualUnit : Module<Tensor, Tensor>
{
    private readonly Conv2D first;
    private readonly Conv2D second;
    private readonly BatchNormalization norm = new BatchNormalization(name: "bn");

    public ResidualUnit(long filters, string name)
    {
        first = new Conv2D(filters, 3, padding: Padding.Same, activation: t => t.relu(), name: name + "_a");
        second = new Conv2D(filters, 3, padding: Padding.Same, name: name + "_b");
    }

    protected override Tensor Forward(Tensor input)
    {
        var x = second.Call(first.Call(input));
        return (norm.Call(x) + input).relu();
    }
}

public sealed class ResidualNetwork : Module<Tensor, Tensor>
{
    private readonly Conv2D stem;
    private readonly ResidualUnit[] units;
    private readonly Flatten flatten = new Flatten();
    private Dense? head;

    public ResidualNetwork(int depth, long filters)
    {
        stem = new Conv2D(filters, 3, padding: Padding.Same, name: "stem");
        var built = new List<ResidualUnit>();
        for (var i = 0; i < depth; i++)
        {
            built.Add(new ResidualUnit(filters, $"unit_{i}"));
        }

        units = built.ToArray();
    }

    protected override Tensor Forward(Tensor input)
    {
        var x = stem.Call(input);
        foreach (var unit in units)
        {
            x = unit.Call(x);
        }

        head ??= new Dense(10, name: "logits");
        return head.Call(flatten.Call(x));
    }
}
