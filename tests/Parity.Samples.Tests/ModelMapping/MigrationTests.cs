using System.Linq;
using Parity.Samples.ModelMapping.Checkpoints;
using Parity.Samples.ModelMapping.Migration;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.ModelMapping;

/// <summary>
/// The guide's incremental migration: every stage equal to the compat original under a
/// num-random-ops tool, and the name-preserving path keeping the checkpoint names.
/// </summary>
[TestFixture]
public sealed class MigrationTests
{
    private static readonly string[] ModelScopeNames =
        ["model/conv2d/kernel", "model/conv2d/bias", "model/conv2d_1/kernel", "model/conv2d_1/bias", "model/conv2d_2/kernel", "model/conv2d_2/bias"];

    [Test]
    public void EveryStageMatchesTheCompatModel()
    {
        var (original, originalLoss) = MigrationCheck.Run(new CompatModel(10));
        foreach (var stage in new Module<Tensor, Tensor>[] { new PartiallyMigratedModel(10), new NearlyFullyNativeModel(10) })
        {
            var (output, loss) = MigrationCheck.Run(stage);
            TensorAssert.AllClose(output, original, message: $"{stage.GetType().Name} output");
            TensorAssert.AllClose(loss, originalLoss, message: $"{stage.GetType().Name} regularization loss");
        }
    }

    [Test]
    public void TheTorchSharpStage_WithThePreviousStagesWeights_MatchesTheCompatModel()
    {
        var (original, originalLoss) = MigrationCheck.Run(new CompatModel(10));

        var (output, loss) = MigrationCheck.RunNative(new FullyNativeModel(5, 5, 5, 10), new NearlyFullyNativeModel(10));

        TensorAssert.AllClose(output, original, message: "FullyNativeModel output");
        TensorAssert.AllClose(loss, originalLoss, message: "FullyNativeModel regularization loss");
    }

    [Test]
    public void TheTorchSharpStage_WithoutTheFlattenReordering_IsCaught()
    {
        // The classic port mistake: the dense kernel copied with a plain transpose, as if TF had flattened NCHW.
        var (original, _) = MigrationCheck.Run(new CompatModel(10));
        var previous = new NearlyFullyNativeModel(10);
        MigrationCheck.Run(previous);
        var native = new FullyNativeModel(5, 5, 5, 10);
        var naive = new Parity.Mapping.WeightMapBuilder(native, Parity.Mapping.TfNaming.Layers)
            .Layer("model/conv2d", native.named_children().Single(child => child.name == "conv").module)
            .Layer("model/dense", native.named_children().Single(child => child.name == "dense").module)
            .Build();
        naive.Load(previous.Variables);

        using (new Parity.Randomness.DeterministicRandomTestTool(mode: Parity.Randomness.DeterministicRandomMode.NumRandomOps).Scope())
        {
            var input = Parity.Randomness.RandomOps.Normal([10, 5, 5, 5], 0.0, 1.0).permute(0, 3, 1, 2).contiguous();
            Assert.That(TensorAssert.Compare(native.call(input), original).IsClose, Is.False);
        }
    }

    [Test]
    public void AStageThatDrawsInAnotherOrderIsCaught()
    {
        // The same layers with the dense kernel drawn before the convolution's: a real regression the
        // num-random-ops check must see.
        var (original, _) = MigrationCheck.Run(new CompatModel(10));
        var (reordered, _) = MigrationCheck.Run(new DenseFirstModel(10));
        Assert.That(TensorAssert.Compare(reordered, original).IsClose, Is.False);
    }

    [Test]
    public void NamePreservingStagesKeepTheFunctionalNames()
    {
        var x = ones([10, 10, 10, 10]);
        foreach (var stage in new Module<Tensor, Tensor>[] { new FunctionalStyleCompatModel(), new OOStyleCompatModel(), new PartiallyNativeKerasLayersModel() })
        {
            stage.Call(x);
            stage.Call(x);
            Assert.That(stage.Variables.Select(v => v.Name), Is.EquivalentTo(ModelScopeNames), stage.GetType().Name);
        }
    }

    [Test]
    public void ObjectStyleLayersHoldTheVariablesOfTheirFunctionalNames()
    {
        var layer = new OOStyleCompatModel();
        layer.Call(ones([10, 10, 10, 10]));
        var byName = layer.Variables.ToDictionary(v => v.Name);
        Assert.Multiple(() =>
        {
            Assert.That(layer.Conv1.Weight("kernel"), Is.SameAs(byName["model/conv2d/kernel"]));
            Assert.That(layer.Conv2.Weight("bias"), Is.SameAs(byName["model/conv2d_1/bias"]));
        });
    }

    [Test]
    public void FullyNativeStageUsesNativeNames()
    {
        var layer = new FullyNativeKerasLayersModel();
        layer.Call(ones([10, 10, 10, 10]));
        Assert.That(layer.Variables.Select(v => v.Name), Is.EquivalentTo(ModelScopeNames.Select(name => name["model/".Length..])));
    }

    /// <summary>A wrong migration: builds the dense layer before the convolution.</summary>
    private sealed class DenseFirstModel(long units) : Module<Tensor, Tensor>
    {
        private readonly Nn.Conv2D conv = new(3, 3, kernelRegularizer: Regularizers.KerasL2());
        private readonly Nn.Dense dense = new(units, kernelRegularizer: Regularizers.KerasL2());
        private readonly Nn.Flatten flatten = new();

        protected override Tensor Forward(Tensor input)
        {
            dense.Call(zeros([1, 27]));
            return dense.Call(flatten.Call(conv.Call(input)));
        }
    }
}
