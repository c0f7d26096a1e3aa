// Correct-code corpus: a shim-tracked module in the scoped-variable style, as a migrated TF1 block
// looks after the recipe is followed. Every analyzer must stay silent on it.
using System;
using Parity;
using TorchSharp;
using static Parity.Compat.Layers;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Corpus.ParityCompat;

public sealed class InceptionStyleBlock : Module<Tensor, Tensor>
{
    private readonly int _filters;
    private Func<Tensor, Tensor>? _shared;

    public InceptionStyleBlock(int filters) : base("block35") => _filters = filters;

    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        Tensor branch0, branch1, branch2;
        using (VariableScope("Branch_0"))
        {
            branch0 = Conv2d(input, _filters, 1, name: "Conv2d_1x1");
        }

        using (VariableScope("Branch_1"))
        {
            branch1 = Conv2d(input, _filters, 1, name: "Conv2d_0a_1x1");
            branch1 = Conv2d(branch1, _filters, 3, name: "Conv2d_0b_3x3");
        }

        using (VariableScope("Branch_2"))
        {
            // Unnamed layers are fine inside a named scope: the counters restart on every call.
            branch2 = Conv2d(input, _filters, 1);
            branch2 = Conv2d(branch2, _filters, 3);
            branch2 = BatchNormalization(branch2);
        }

        _shared ??= MakeTemplate("shared", (Tensor x) => Dense(x, _filters, name: "proj"));
        var scale = GetVariable("scale", new long[] { 1 }, initializer: Initializers.Zeros());
        var mixed = branch0 + branch1 + branch2;
        return _shared(mixed) * scale + input;
    }
}

public sealed class Stem : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using var scope = VariableScope("stem");
        var x = Conv2d(input, 32, 3, strides: 2, padding: Parity.Padding.Valid);
        x = MaxPooling2d(x, 3, 2);
        x = Dropout(x, 0.2);
        var head = GetOrCreateLayer("head", () => new InceptionStyleBlock(32));
        return Flatten(head.Call(x));
    }
}

public sealed class LegacyTower
{
    // Not a module: the legacy-graph side of an equivalence test builds the same layers once.
    public static Tensor Build(Tensor input) => Dense(Dense(input, 64), 10);
}
