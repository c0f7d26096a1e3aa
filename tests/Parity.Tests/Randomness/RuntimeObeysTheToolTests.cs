using System.Linq;
using Parity.Compat;
using Parity.Randomness;
using Parity.Tests.Support;
using static TorchSharp.torch;

namespace Parity.Tests.Randomness;

/// <summary>
/// The runtime's own random ops (initializers, compat and native dropout) draw through the tool, so a
/// legacy graph, compat layers, native layers and plain module-style code inside the same kind of scope
/// draw the same numbers.
/// </summary>
public class RuntimeObeysTheToolTests
{
    private static float[] Kernel(Variable variable) => variable.Value.data<float>().ToArray();

    [Test]
    public void Initializers_InConstantMode_GiveSameShapeWeightsTheSameValues()
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        var first = new Variable("a", [4, 5], ScalarType.Float32, Initializers.GlorotUniform());
        var second = new Variable("b", [4, 5], ScalarType.Float32, Initializers.GlorotUniform());

        Assert.That(Kernel(second), Is.EqualTo(Kernel(first)));
    }

    [Test]
    public void Initializers_InNumRandomOpsMode_EachConsumeOneOperationSeed()
    {
        var tool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
        using var scope = tool.Scope();
        var first = new Variable("a", [4, 5], ScalarType.Float32, Initializers.GlorotUniform());
        var second = new Variable("b", [4, 5], ScalarType.Float32, Initializers.TruncatedNormal());

        Assert.That(tool.OperationSeed, Is.EqualTo(2));
        Assert.That(Kernel(second), Is.Not.EqualTo(Kernel(first)));
    }

    [Test]
    public void ALegacyGraphAndPlainCode_DrawTheSameWeightsAndDropoutMasks()
    {
        using var input = ones(2, 8);
        float[] legacyKernel, legacyDropped, eagerKernel, eagerDropped;

        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            var graph = new LegacyGraph();
            (legacyKernel, legacyDropped) = graph.Run(() =>
            {
                var kernel = VariableScopes.GetVariable("kernel", [8, 3], initializer: Initializers.GlorotUniform());
                using var dropped = Layers.Dropout(input, 0.5, training: true);
                return (Kernel(kernel), dropped.data<float>().ToArray());
            });
        }

        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            var kernel = new Variable("kernel", [8, 3], ScalarType.Float32, Initializers.GlorotUniform());
            using var dropped = RandomOps.Dropout(input, 0.5, training: true);
            (eagerKernel, eagerDropped) = (Kernel(kernel), dropped.data<float>().ToArray());
        }

        Assert.That(eagerKernel, Is.EqualTo(legacyKernel));
        Assert.That(eagerDropped, Is.EqualTo(legacyDropped));
        Assert.That(eagerDropped.Distinct().Order(), Is.EqualTo(new[] { 0f, 2f }), "the mask really dropped and scaled");
    }

    [Test]
    public void NativeLayers_DrawTheSameWeightsAndDropoutMasksAsTheCompatLayersTheyReplace()
    {
        using var input = ones(2, 8);
        var compat = new Tracked(x => Layers.Dropout(Layers.Dense(x, 50, name: "dense"), 0.5));
        var dense = new Nn.Dense(50);
        var dropout = new Nn.Dropout(0.5);
        var native = new Untracked(x => dropout.Call(dense.Call(x)));
        float[] compatKernel, compatOutput, nativeKernel, nativeOutput;

        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            compatOutput = compat.Call(input, training: true).data<float>().ToArray();
            compatKernel = Kernel(compat.Variables[0]);
        }

        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            nativeOutput = native.Call(input, training: true).data<float>().ToArray();
            nativeKernel = Kernel(dense.Variables[0]);
        }

        Assert.That(nativeKernel, Is.EqualTo(compatKernel));
        Assert.That(nativeOutput, Is.EqualTo(compatOutput));
        Assert.That(nativeOutput.Count(v => v == 0), Is.InRange(20, 80), "dropout at 0.5 zeroed about half of the 100 outputs");
    }
}
