using System.Linq;
using Parity.Compat;
using Parity.Randomness;
using Parity.Torch;

namespace Parity.Tests.Randomness;

/// <summary>
/// The runtime's own random ops (initializers, compat dropout) draw through the tool, so a legacy
/// graph and plain module-style code inside the same kind of scope draw the same numbers.
/// </summary>
public class RuntimeObeysTheToolTests
{
    private static float[] Kernel(Variable variable) => variable.Value.ToArray<float>();

    [Test]
    public void Initializers_InConstantMode_GiveSameShapeWeightsTheSameValues()
    {
        using var scope = new DeterministicRandomTestTool().Scope();
        var first = new Variable("a", [4, 5], DType.Float32, Initializers.GlorotUniform());
        var second = new Variable("b", [4, 5], DType.Float32, Initializers.GlorotUniform());

        Assert.That(Kernel(second), Is.EqualTo(Kernel(first)));
    }

    [Test]
    public void Initializers_InNumRandomOpsMode_EachConsumeOneOperationSeed()
    {
        var tool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
        using var scope = tool.Scope();
        var first = new Variable("a", [4, 5], DType.Float32, Initializers.GlorotUniform());
        var second = new Variable("b", [4, 5], DType.Float32, Initializers.TruncatedNormal());

        Assert.That(tool.OperationSeed, Is.EqualTo(2));
        Assert.That(Kernel(second), Is.Not.EqualTo(Kernel(first)));
    }

    [Test]
    public void ALegacyGraphAndPlainCode_DrawTheSameWeightsAndDropoutMasks()
    {
        using var input = Tensor.Ones([2, 8]);
        float[] legacyKernel, legacyDropped, eagerKernel, eagerDropped;

        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            var graph = new LegacyGraph();
            (legacyKernel, legacyDropped) = graph.Run(() =>
            {
                var kernel = VariableScopes.GetVariable("kernel", [8, 3], initializer: Initializers.GlorotUniform());
                using var dropped = Layers.Dropout(input, 0.5, training: true);
                return (Kernel(kernel), dropped.ToArray<float>());
            });
        }

        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            var kernel = new Variable("kernel", [8, 3], DType.Float32, Initializers.GlorotUniform());
            using var dropped = RandomOps.Dropout(input, 0.5, training: true);
            (eagerKernel, eagerDropped) = (Kernel(kernel), dropped.ToArray<float>());
        }

        Assert.That(eagerKernel, Is.EqualTo(legacyKernel));
        Assert.That(eagerDropped, Is.EqualTo(legacyDropped));
        Assert.That(eagerDropped.Distinct().Order(), Is.EqualTo(new[] { 0f, 2f }), "the mask really dropped and scaled");
    }
}
