using System.Linq;
using Parity.Randomness;
using static TorchSharp.torch;

namespace Parity.Tests.Randomness;

/// <summary>
/// TorchSharp's own layers take no generator: they initialize their weights from libtorch's default
/// generator. The module-style side of a migration is built from them, so inside a tool scope they
/// must be as reproducible as Parity's own layers, or two runs of one comparison would differ.
/// </summary>
[NonParallelizable]
public class TorchSharpLayersObeyTheToolTests
{
    private static float[] Weights(nn.Module module) =>
        module.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

    private static (float[] Linear, float[] Conv) BuildLayers(ulong seed)
    {
        using (new DeterministicRandomTestTool(seed).Scope())
        {
            using var linear = nn.Linear(3, 2);
            using var conv = nn.Conv2d(2, 4, 3);
            return (Weights(linear), Weights(conv));
        }
    }

    [Test]
    public void LayersBuiltInTwoScopesWithOneSeed_GetTheSameWeights()
    {
        var first = BuildLayers(42);

        // Between the scopes the default generator moves on, as other code would move it.
        rand(1000).Dispose();
        var second = BuildLayers(42);

        Assert.That(second.Linear, Is.EqualTo(first.Linear));
        Assert.That(second.Conv, Is.EqualTo(first.Conv));
        Assert.That(first.Linear.Distinct().Count(), Is.EqualTo(8), "a 3->2 linear has 6 weights and 2 biases, all drawn");
    }

    [Test]
    public void LayersBuiltInScopesWithDifferentSeeds_GetDifferentWeights()
    {
        var seed42 = BuildLayers(42);
        var seed43 = BuildLayers(43);

        Assert.That(seed43.Linear, Is.Not.EqualTo(seed42.Linear));
        Assert.That(seed43.Conv, Is.Not.EqualTo(seed42.Conv));
    }

    [Test]
    public void ALinearBuiltInAScope_DrawsWhatPyTorchDrawsAfterManualSeedWithTheToolsSeed()
    {
        // PyTorch 1.13: torch.manual_seed(42); l = torch.nn.Linear(3, 2); l.weight.flatten().tolist(), l.bias.tolist()
        float[] pyTorchWeight = [0.4414065182209015f, 0.47920528054237366f, -0.1352572739124298f, 0.5303604602813721f, -0.1264995038509369f, 0.11650390923023224f];
        float[] pyTorchBias = [-0.28108587861061096f, 0.3390677869319916f];

        using (new DeterministicRandomTestTool(seed: 42).Scope())
        {
            using var linear = nn.Linear(3, 2);

            Assert.That(linear.weight!.data<float>().ToArray(), Is.EqualTo(pyTorchWeight));
            Assert.That(linear.bias!.data<float>().ToArray(), Is.EqualTo(pyTorchBias));
        }
    }

    [Test]
    public void LeavingAScope_PutsTheDefaultGeneratorBackWhereItWas()
    {
        manual_seed(7);
        rand(4).Dispose();
        using var expected = rand(5);

        manual_seed(7);
        rand(4).Dispose();
        using (new DeterministicRandomTestTool().Scope())
        {
            using var linear = nn.Linear(3, 2);
        }

        using var actual = rand(5);

        Assert.That(actual.data<float>().ToArray(), Is.EqualTo(expected.data<float>().ToArray()), "code outside the scope sees the stream it would have seen without it");
    }
}
