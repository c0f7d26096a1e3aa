using System;
using System.IO;
using System.Linq;
using System.Text;
using Parity.Checkpoints;
using Parity.Tests.Shared;
using Parity.Checkpoints.TensorBundle;
using static TorchSharp.torch;

namespace Parity.Tests.Checkpoints.Tf;

/// <summary>
/// Parity's reader on checkpoints TensorFlow 1.x wrote, against oracles it does not share: TF's stored
/// CRCs, Adam's power accumulators and an independent Python reader.
/// </summary>
public class TfCheckpointRealFileTests
{
    [Test]
    public void Crc32C_GivesTheStandardCheckValue()
    {
        // The published check value of CRC-32C for the ASCII digits 1 to 9.
        Assert.That(Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")), Is.EqualTo(0xE3069283u));
    }

    [Test]
    public void MnistMlp_ListsTheTrainedNetworkAndItsAdamState()
    {
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("mnist-mlp-adam"));

        var expected = new[]
        {
            "beta1_power (float32) []", "beta2_power (float32) []", "global_step (int32) []",
            "h1/b (float32) [100]", "h1/b/Adam (float32) [100]", "h1/b/Adam_1 (float32) [100]",
            "h1/w (float32) [784, 100]", "h1/w/Adam (float32) [784, 100]", "h1/w/Adam_1 (float32) [784, 100]",
            "h2/b (float32) [25]", "h2/b/Adam (float32) [25]", "h2/b/Adam_1 (float32) [25]",
            "h2/w (float32) [100, 25]", "h2/w/Adam (float32) [100, 25]", "h2/w/Adam_1 (float32) [100, 25]",
            "output/b (float32) [10]", "output/b/Adam (float32) [10]", "output/b/Adam_1 (float32) [10]",
            "output/w (float32) [25, 10]", "output/w/Adam (float32) [25, 10]", "output/w/Adam_1 (float32) [25, 10]",
        };
        Assert.That(checkpoint.Entries.Select(entry => entry.ToString()), Is.EqualTo(expected));
        Assert.That(checkpoint.ShardCount, Is.EqualTo(1));
        Assert.That(checkpoint.Entries.Where(entry => TfCheckpoint.IsModelVariable(entry.Name)).Select(entry => entry.Name),
            Is.EqualTo(new[] { "h1/b", "h1/w", "h2/b", "h2/w", "output/b", "output/w" }));
    }

    [TestCaseSource(typeof(TfFixtures), nameof(TfFixtures.Names))]
    public void EveryTensor_MatchesTheIndependentPythonReaderBitForBit(string name)
    {
        var prefix = TfFixtures.Prefix(name);
        var checkpoint = TfCheckpoint.Open(prefix);
        var npz = TfFixtures.ReadWithPython(prefix);
        try
        {
            var expected = NpzCheckpoint.ReadTensors(npz);
            var actual = checkpoint.ReadTensors();
            Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (key, tensor) in actual)
            {
                Assert.That(tensor.dtype, Is.EqualTo(expected[key].dtype), key);
                Assert.That(tensor.shape, Is.EqualTo(expected[key].shape), key);
                Assert.That(tensor.bytes.ToArray(), Is.EqualTo(expected[key].bytes.ToArray()), key);
            }
        }
        finally
        {
            File.Delete(npz);
        }
    }

    [Test]
    public void MnistMlp_AdamPowersAreBetaToTheStepCountPlusOne()
    {
        // TF1's Adam starts each power accumulator at beta and multiplies it by beta in float32 after
        // every step, so after global_step steps it holds beta^(global_step + 1), rounded step by step
        // (and flushed to zero once it leaves the normal range: TF sets flush-to-zero on CPU).
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("mnist-mlp-adam"));
        using var step = checkpoint.Read("global_step");
        using var beta1Power = checkpoint.Read("beta1_power");
        using var beta2Power = checkpoint.Read("beta2_power");

        var steps = step.item<int>();
        Assert.That(steps, Is.EqualTo(20_000), "the README says the model trained 20,000 steps");
        Assert.That(beta1Power.item<float>(), Is.EqualTo(Float32Power(0.9f, steps + 1)));
        Assert.That(beta2Power.item<float>(), Is.EqualTo(Float32Power(0.999f, steps + 1)));
        Assert.That(beta2Power.item<float>(), Is.EqualTo(Math.Pow(0.999, steps + 1)).Within(0.1).Percent);
    }

    [Test]
    public void TinyAdam_BothPowersAgreeOnOneStepCount()
    {
        // No global_step here: the step count follows from beta2_power, and beta1_power must agree.
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("tiny-adam"));
        using var beta1Power = checkpoint.Read("beta1_power");
        using var beta2Power = checkpoint.Read("beta2_power");

        var stored = beta2Power.item<float>();
        var count = Enumerable.Range(1, 100_000).FirstOrDefault(n => Float32Power(0.999f, n) == stored);
        Assert.That(count, Is.GreaterThan(0), $"beta2_power {stored} is no float32 power of 0.999");
        Assert.That(beta1Power.item<float>(), Is.EqualTo(Float32Power(0.9f, count)));
    }

    private static float Float32Power(float beta, int count)
    {
        var power = beta;
        for (var i = 1; i < count; i++)
        {
            power *= beta;
            if (!float.IsNormal(power))
            {
                power = 0;
            }
        }

        return power;
    }
}
