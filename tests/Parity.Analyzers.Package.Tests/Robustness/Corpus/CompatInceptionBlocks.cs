using System;
using Parity;
using Parity.Compat;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Corpus.CompatStyle;

// Scoped-variable code kept as it was written for the legacy graph, wrapped in tracked modules.
public sealed class Block35 : Module<Tensor, Tensor>
{
    private readonly double scale;
    private readonly Func<Tensor, Tensor>? activation;

    public Block35(double scale = 0.17, Func<Tensor, Tensor>? activation = null)
    {
        this.scale = scale;
        this.activation = activation ?? (t => t.relu());
    }

    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("block35"))
        {
            Tensor tower0, tower1, tower2;
            using (VariableScope("branch_0"))
            {
                tower0 = Layers.Conv2d(input, 32, 1, padding: Padding.Same, name: "conv2d_1x1");
            }

            using (VariableScope("branch_1"))
            {
                tower1 = Layers.Conv2d(input, 32, 1, padding: Padding.Same, name: "conv2d_0a_1x1");
                tower1 = Layers.Conv2d(tower1, 32, 3, padding: Padding.Same, name: "conv2d_0b_3x3");
            }

            using (VariableScope("branch_2"))
            {
                tower2 = Layers.Conv2d(input, 32, 1, padding: Padding.Same, name: "conv2d_0a_1x1");
                tower2 = Layers.Conv2d(tower2, 48, 3, padding: Padding.Same, name: "conv2d_0b_3x3");
                tower2 = Layers.Conv2d(tower2, 64, 3, padding: Padding.Same, name: "conv2d_0c_3x3");
            }

            var mixed = cat(new[] { tower0, tower1, tower2 }, dim: 3);
            var up = Layers.Conv2d(mixed, input.shape[3], 1, padding: Padding.Same, name: "conv2d_1x1");
            var output = input + up * scale;
            return activation is null ? output : activation(output);
        }
    }
}

public sealed class Classifier : Module<Tensor, Tensor>
{
    private readonly long classes;

    public Classifier(long classes) => this.classes = classes;

    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        using (VariableScope("logits"))
        {
            var flat = Layers.Flatten(input);
            var hidden = Layers.Dense(flat, 256, activation: t => t.relu(), kernelRegularizer: Regularizers.KerasL2(4e-5), name: "fc");
            var kernel = GetVariable("projection", new long[] { 256, classes }, initializer: Initializers.GlorotUniform());
            return hidden.matmul(kernel.Value);
        }
    }
}

// The mistakes the analyzers exist for, as a half-migrated file really contains them.
public sealed class HalfMigrated : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        var x = Layers.Dense(input, 64);
        var shift = new Variable("shift", zeros(64));
        var head = new Parity.Nn.Dense(10, name: "head");
        var tower = MakeTemplate<Tensor, Tensor>("tower", t => Layers.Dense(t, 64, name: "dense"));
        return head.Call(tower(x + shift.Value));
    }
}

public sealed class Untracked : Module<Tensor, Tensor>
{
    protected override Tensor Forward(Tensor input)
    {
        var bias = GetVariable("bias", new long[] { 1 }, initializer: Initializers.Zeros());
        return input + bias.Value;
    }

    [TrackVariables]
    public Tensor Helper(Tensor input) => input;
}
