using System;
using System.Linq;
using System.Threading.Tasks;
using Parity.Randomness;

namespace Parity.Tests.Randomness;

/// <summary>Scope behaviour of the tool: nesting, async-local isolation and argument checks.</summary>
public class DeterministicRandomTestToolTests
{
    private static float[] Draw()
    {
        using var values = RandomOps.Uniform([16], 0, 1);
        return values.data<float>().ToArray();
    }

    [Test]
    public void ABadMode_IsRejectedWithTheValidModes()
    {
        Assert.That(
            () => new DeterministicRandomTestTool(mode: (DeterministicRandomMode)7),
            Throws.InstanceOf<ArgumentOutOfRangeException>()
                .With.Message.Contains("Unknown random tool mode 7")
                .And.Message.Contains("DeterministicRandomMode.Constant")
                .And.Message.Contains("DeterministicRandomMode.NumRandomOps"));
    }

    [Test]
    public void ANegativeOperationSeed_IsRejected()
    {
        var tool = new DeterministicRandomTestTool();

        Assert.That(() => tool.OperationSeed = -1, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void NestedScopes_TheInnermostToolApplies_AndLeavingRestoresTheOuter()
    {
        float[] outerFirst, inner, outerAgain;
        using (new DeterministicRandomTestTool(seed: 1).Scope())
        {
            outerFirst = Draw();
            using (new DeterministicRandomTestTool(seed: 2).Scope())
            {
                inner = Draw();
            }

            outerAgain = Draw();
        }

        float[] seed2;
        using (new DeterministicRandomTestTool(seed: 2).Scope())
        {
            seed2 = Draw();
        }

        Assert.That(inner, Is.EqualTo(seed2));
        Assert.That(outerAgain, Is.EqualTo(outerFirst));
    }

    [Test]
    public void DisposingAnOuterScopeFirst_Throws()
    {
        var outer = new DeterministicRandomTestTool().Scope();
        var inner = new DeterministicRandomTestTool().Scope();

        Assert.That(() => outer.Dispose(), Throws.InvalidOperationException.With.Message.Contains("reverse order"));
        inner.Dispose();
        outer.Dispose();
    }

    [Test]
    public async Task ParallelFlows_EachSeeOnlyTheirOwnTool()
    {
        var expected = Enumerable.Range(0, 8).Select(seed =>
        {
            using (new DeterministicRandomTestTool((ulong)seed, DeterministicRandomMode.NumRandomOps).Scope())
            {
                return Enumerable.Range(0, 20).Select(_ => Draw()).ToArray();
            }
        }).ToArray();

        var parallel = await Task.WhenAll(Enumerable.Range(0, 8).Select(seed => Task.Run(async () =>
        {
            using (new DeterministicRandomTestTool((ulong)seed, DeterministicRandomMode.NumRandomOps).Scope())
            {
                var draws = new float[20][];
                for (var i = 0; i < draws.Length; i++)
                {
                    draws[i] = Draw();
                    await Task.Yield();
                }

                return draws;
            }
        })));

        Assert.That(parallel, Is.EqualTo(expected));
    }

    [Test]
    public void AScopeOpenedInsideATask_IsNotSeenByItsCaller()
    {
        var tool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
        Task.Run(() => tool.Scope()).Wait();

        Draw();

        Assert.That(tool.OperationSeed, Is.EqualTo(0));
    }

    [Test]
    public void CombinedSeeds_DifferForNeighbouringOperationSeeds()
    {
        var seeds = Enumerable.Range(0, 1000).Select(op => DeterministicRandomTestTool.CombineSeeds(42, op)).ToArray();

        Assert.That(seeds.Distinct().Count(), Is.EqualTo(1000));
    }
}
