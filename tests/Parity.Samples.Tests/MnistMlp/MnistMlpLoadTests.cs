using System.Linq;
using Parity.Checkpoints;
using Parity.Tests.Shared;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.MnistMlp;

/// <summary>The mnist-mlp-adam checkpoint TF1 wrote, loaded strictly by name into the sample's TorchSharp port.</summary>
public class MnistMlpLoadTests
{
    [Test]
    public void WeightMap_TransposesTheDenseKernelsIntoLinearLayers()
    {
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("mnist-mlp-adam"));
        using var model = new Samples.MnistMlp.MnistMlp();

        var report = checkpoint.Load(model.TfWeightMap(), include: TfCheckpoint.IsModelVariable);

        Assert.That(report.IsComplete, Is.True, report.Report);
        Assert.That(report.Loaded, Has.Count.EqualTo(6));
        var state = model.state_dict();
        foreach (var layer in new[] { "h1", "h2", "output" })
        {
            using var kernel = checkpoint.Read(layer + "/w");
            using var bias = checkpoint.Read(layer + "/b");
            Assert.That(state[layer + ".weight"].t().contiguous().data<float>().ToArray(), Is.EqualTo(kernel.data<float>().ToArray()), layer);
            Assert.That(state[layer + ".bias"].data<float>().ToArray(), Is.EqualTo(bias.data<float>().ToArray()), layer);
        }
    }

    [Test]
    public void OptimizerStateLeftIn_FailsTheStrictLoadAndChangesNothing()
    {
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("mnist-mlp-adam"));
        using var model = new Samples.MnistMlp.MnistMlp();
        var before = model.state_dict()["h1.weight"].data<float>().ToArray();

        var error = Assert.Throws<CheckpointMismatchException>(() => checkpoint.Load(model.TfWeightMap()))!;

        Assert.That(error.Report.Unexpected, Is.EquivalentTo(checkpoint.Entries.Select(entry => entry.Name).Where(name => !TfCheckpoint.IsModelVariable(name))));
        Assert.That(error.Message, Does.Contain("Unexpected in the file (15):").And.Contain("h1/w/Adam_1").And.Contain("No variable was changed"));
        Assert.That(model.state_dict()["h1.weight"].data<float>().ToArray(), Is.EqualTo(before));
    }

    [Test]
    public void StateDictKeysMappedWithoutTheLayout_ReportALayoutMixUpAndChangeNothing()
    {
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("mnist-mlp-adam"));
        using var model = new Samples.MnistMlp.MnistMlp();
        var before = model.state_dict()["output.bias"].data<float>().ToArray();

        var error = Assert.Throws<CheckpointMismatchException>(() => checkpoint.Load(
            model, key => key.Replace(".weight", "/w").Replace(".bias", "/b"), include: TfCheckpoint.IsModelVariable))!;

        Assert.That(error.Report.Mismatched, Has.Count.EqualTo(3));
        Assert.That(error.Message, Does.Contain("'h1.weight' (key 'h1/w'): stored (784, 100) float32, expected (100, 784) float32 (the same sizes in another order: a layout mix-up"));
        Assert.That(model.state_dict()["output.bias"].data<float>().ToArray(), Is.EqualTo(before), "a failed load changes nothing, the matching biases included");
    }
}
