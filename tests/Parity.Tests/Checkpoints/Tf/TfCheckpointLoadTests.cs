using System.Linq;
using Parity.Checkpoints;
using Parity.Tests.Shared;
using Parity.Mapping;
using Parity.Tests.Support;
using TorchSharp;
using TorchSharp.Modules;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Parity.Tests.Checkpoints.Tf;

/// <summary>A checkpoint TF1 wrote, loaded by name into a plain TorchSharp module and into a Parity module, strictly.</summary>
public class TfCheckpointLoadTests
{
    [Test]
    public void MnistMlp_LoadsThroughAWeightMap_TransposingDenseKernels()
    {
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("mnist-mlp-adam"));
        using var model = new Mlp();

        var report = checkpoint.Load(Mlp.Map(model), include: TfCheckpoint.IsModelVariable);

        Assert.That(report.IsComplete, Is.True, report.Report);
        Assert.That(report.Loaded, Has.Count.EqualTo(6));
        foreach (var (tfName, weight) in new[] { ("h1/w", model.h1.weight), ("h2/w", model.h2.weight), ("output/w", model.output.weight) })
        {
            using var stored = checkpoint.Read(tfName);
            Assert.That(weight!.t().contiguous().data<float>().ToArray(), Is.EqualTo(stored.data<float>().ToArray()), tfName);
        }

        using var bias = checkpoint.Read("output/b");
        Assert.That(model.output.bias!.data<float>().ToArray(), Is.EqualTo(bias.data<float>().ToArray()));
    }

    [Test]
    public void OptimizerStateLeftIn_FailsTheStrictLoadAndChangesNothing()
    {
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("mnist-mlp-adam"));
        using var model = new Mlp();
        var before = model.h1.weight!.data<float>().ToArray();

        var error = Assert.Throws<CheckpointMismatchException>(() => checkpoint.Load(Mlp.Map(model)))!;

        Assert.That(error.Report.Unexpected, Is.EquivalentTo(checkpoint.Entries.Select(entry => entry.Name).Where(name => !TfCheckpoint.IsModelVariable(name))));
        Assert.That(error.Message, Does.Contain("Unexpected in the file (15):").And.Contain("h1/w/Adam_1").And.Contain("No variable was changed"));
        Assert.That(model.h1.weight!.data<float>().ToArray(), Is.EqualTo(before));
    }

    [Test]
    public void StateDictKeysMappedWithoutTheLayout_ReportALayoutMixUpOnBothSides()
    {
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("mnist-mlp-adam"));
        using var model = new Mlp();
        var before = model.output.bias!.data<float>().ToArray();

        var error = Assert.Throws<CheckpointMismatchException>(() => checkpoint.Load(
            model, key => key.Replace(".weight", "/w").Replace(".bias", "/b"), include: TfCheckpoint.IsModelVariable))!;

        Assert.That(error.Report.Mismatched, Has.Count.EqualTo(3));
        Assert.That(error.Message, Does.Contain("'h1.weight' (key 'h1/w'): stored (784, 100) float32, expected (100, 784) float32 (the same sizes in another order: a layout mix-up"));
        Assert.That(model.output.bias!.data<float>().ToArray(), Is.EqualTo(before), "a failed load changes nothing, the matching biases included");
    }

    [Test]
    public void TinyTwoLayer_LoadsIntoAParityModuleByVariableName()
    {
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("tiny-two-layer"));
        var model = new Tracked(x =>
        {
            var hidden = x.matmul(GetVariable("Weights1", [2, 2]).Value) + GetVariable("Bias1", [2]).Value;
            return hidden.sigmoid().matmul(GetVariable("Weights2", [2, 3]).Value) + GetVariable("Bias2", [3]).Value;
        });
        using var input = ones(1, 2);
        model.Call(input).Dispose();

        var report = checkpoint.Load(model);

        Assert.That(report.Loaded, Is.EquivalentTo(new[] { "Weights1", "Bias1", "Weights2", "Bias2" }));
        using var stored = checkpoint.Read("Weights2");
        Assert.That(model.Variables.Single(v => v.Name == "Weights2").Value.data<float>().ToArray(), Is.EqualTo(stored.data<float>().ToArray()));
    }

    /// <summary>The 784-100-25-10 MLP of mnist-mlp-adam in TorchSharp's own layers.</summary>
    private sealed class Mlp : nn.Module<Tensor, Tensor>
    {
        // TorchSharp registers fields under their names: the state_dict keys are h1.weight, h1.bias, ...
        public readonly Linear h1 = nn.Linear(784, 100);
        public readonly Linear h2 = nn.Linear(100, 25);
        public readonly Linear output = nn.Linear(25, 10);

        public Mlp()
            : base(nameof(Mlp))
        {
            RegisterComponents();
        }

        public static WeightMap Map(Mlp model) => new WeightMapBuilder(model)
            .Add("h1/w", model.h1.weight!, WeightLayout.DenseKernel).Add("h1/b", model.h1.bias!)
            .Add("h2/w", model.h2.weight!, WeightLayout.DenseKernel).Add("h2/b", model.h2.bias!)
            .Add("output/w", model.output.weight!, WeightLayout.DenseKernel).Add("output/b", model.output.bias!)
            .Build();

        public override Tensor forward(Tensor input) =>
            output.forward(nn.functional.relu(h2.forward(nn.functional.relu(h1.forward(input)))));
    }
}
