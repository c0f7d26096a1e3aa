using System.Linq;
using Parity.Randomness;
using Parity.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Tests.Guide;

/// <summary>The shim examples of the model-mapping guide; names and shapes are the ones the guide prints or asserts.</summary>
public class ModelMappingGuideTests
{
    private static void ZeroAll(Module<Tensor, Tensor> module)
    {
        foreach (var variable in module.TrainableVariables)
        {
            using var zero = variable.Value.mul(0.0);
            variable.Assign(zero);
        }
    }

    private static (string Name, long[] Shape)[] Structure(Module<Tensor, Tensor> module) =>
        module.Variables.Select(v => (v.Name, v.Shape)).ToArray();

    [Test]
    public void GetVariableDenseLayer_TracksItsWeightsAndOneLoss_AndReusesThemAfterZeroing()
    {
        var layer = new DenseLayer(10);
        using var x = RandomOps.Normal([8, 20], 0, 1);

        layer.Call(x);

        Assert.That(Structure(layer), Is.EqualTo(new[] { ("dense/kernel", new long[] { 20, 10 }), ("dense/bias", new long[] { 10 }) }));
        Assert.That(layer.Losses, Has.Count.EqualTo(1));
        Assert.That(layer.Losses[0].ToDouble(), Is.GreaterThan(0));

        var before = layer.Variables;
        ZeroAll(layer);
        var output = layer.Call(x);

        Assert.That(layer.Variables, Is.EqualTo(before));
        Assert.That(output.data<float>().ToArray(), Is.All.EqualTo(0f));
        Assert.That(layer.Losses.Single().ToDouble(), Is.Zero);
    }

    [Test]
    public void CompatLayersModel_NamesItsVariablesUnderModel_AndReusesThem()
    {
        var layer = new CompatV1LayerModel(10);
        using var x = RandomOps.Normal([8, 5, 5, 5], 0, 1);

        var first = layer.Call(x);

        Assert.That(first.shape, Is.EqualTo(new long[] { 8, 10 }));
        Assert.That(Structure(layer), Is.EqualTo(new[]
        {
            ("model/conv2d/kernel", new long[] { 3, 3, 5, 3 }),
            ("model/conv2d/bias", new long[] { 3 }),
            ("model/dense/kernel", new long[] { 27, 10 }),
            ("model/dense/bias", new long[] { 10 }),
        }));
        Assert.That(layer.Losses, Has.Count.EqualTo(2));

        ZeroAll(layer);
        var output = layer.Call(x);

        Assert.That(layer.Variables, Has.Count.EqualTo(4));
        Assert.That(output.data<float>().ToArray(), Is.All.EqualTo(0f));
        Assert.That(layer.Losses.Select(l => l.ToDouble()), Is.All.Zero);
    }

    [Test]
    public void BatchNorm_MovingStatisticsChangeOnlyInTraining()
    {
        var model = new CompatV1BatchNorm();
        using var x = RandomOps.Normal([8, 5, 5, 5], 0, 1);

        model.Call(x, training: false);

        Assert.That(Names.Of(model.Variables), Is.EqualTo(new[]
        {
            "batch_norm_layer/batch_normalization/gamma",
            "batch_norm_layer/batch_normalization/beta",
            "batch_norm_layer/batch_normalization/moving_mean",
            "batch_norm_layer/batch_normalization/moving_variance",
        }));
        var movingMean = model.NonTrainableVariables[0];
        var movingVariance = model.NonTrainableVariables[1];
        Assert.That(movingMean.Value.data<float>().ToArray(), Is.All.EqualTo(0f));
        Assert.That(movingVariance.Value.data<float>().ToArray(), Is.All.EqualTo(1f));

        model.Call(x, training: true);

        // moving_mean = 0.99·0 + 0.01·(per-channel batch mean); moving_variance = 0.99·1 + 0.01·(per-channel
        // batch variance), Bessel-corrected over the 8·5·5 = 200 cells per channel as TF's fused 4-D kernel does.
        using var batchMean = x.mean([0, 1, 2]);
        using var expected = batchMean.mul(0.01);
        using var deviations = x.sub(batchMean);
        using var squares = deviations.square();
        using var unbiasedVariance = squares.sum([0, 1, 2]).div(199.0);
        using var expectedVariance = unbiasedVariance.mul(0.01).add(0.99);
        Assert.That(movingMean.Value.data<float>().ToArray(), Is.EqualTo(expected.data<float>().ToArray()).Within(1e-6f));
        Assert.That(movingVariance.Value.data<float>().ToArray(), Is.EqualTo(expectedVariance.data<float>().ToArray()).Within(1e-6f));

        var afterTraining = movingVariance.Value.data<float>().ToArray();
        model.Call(x, training: false);

        Assert.That(movingVariance.Value.data<float>().ToArray(), Is.EqualTo(afterTraining));
    }

    [Test]
    public void NestedModelViaGetOrCreateLayer_IsBuiltOnceAndTracked()
    {
        var layer = new NestedModel();
        using var x = ones(5, 5);

        layer.Call(x);
        var output = layer.Call(x);

        Assert.That(Names.Of(layer.Variables), Is.EquivalentTo(new[] { "dense/bias", "dense/kernel" }));

        // Ones kernel (5, 10) on ones input: every output is 5; Keras L2 loss 0.01 · 50.
        Assert.That(output.data<float>().ToArray(), Is.All.EqualTo(5f));
        Assert.That(layer.Losses.Single().ToDouble(), Is.EqualTo(0.5).Within(1e-6));
    }

    [Test]
    public void WrappedDenseLayer_TracksTheSixVariablesTheGuideLists()
    {
        var layer = new WrappedDenseLayer(10);
        using var x = ones(5, 5);

        layer.Call(x);
        layer.Call(x);

        Assert.That(layer.Variables, Has.Count.EqualTo(6));
        Assert.That(Names.Of(layer.Variables), Is.EquivalentTo(new[]
        {
            "outer/inner_dense/bias", "outer/inner_dense/kernel",
            "outer/dense/bias", "outer/dense/kernel",
            "outer/dense_1/bias", "outer/dense_1/kernel",
        }));

        // The nested layer keeps its own store: its variables are its own, not the outer store's.
        Assert.That(Names.Of(layer.Inner.Variables), Is.EqualTo(new[] { "outer/inner_dense/kernel", "outer/inner_dense/bias" }));
        Assert.That(layer.Losses, Has.Count.EqualTo(1));
    }

    [Test]
    public void Template_CreatesItsScalarOnceInTheCapturedScope()
    {
        var layer = new CompatV1TemplateScaleByY();
        using var x = ones(2, 3);

        layer.Call(x);
        var output = layer.Call(x);

        Assert.That(Names.Of(layer.Variables), Is.EqualTo(new[] { "layer/scale_by_y/y" }));
        Assert.That(output.data<float>().ToArray(), Is.All.EqualTo(1.5f));

        // Keras L2 of 1.5: 0.01 · 2.25.
        Assert.That(layer.Losses.Single().ToDouble(), Is.EqualTo(0.0225).Within(1e-7));
    }

    [Test]
    public void MigrationToNative_KeepsOutputsAndLosses_StepByStep()
    {
        var (original, originalLoss, originalNames) = RunSeeded(new CompatModel(10));
        var (partial, partialLoss, partialNames) = RunSeeded(new PartiallyMigratedModel(10));
        var (nearly, nearlyLoss, nearlyNames) = RunSeeded(new NearlyFullyNativeModel(10));
        var (native, nativeLoss, nativeNames) = RunSeeded(new FullyNativeModel(10));

        Assert.That(originalNames, Is.EqualTo(new[] { "model/conv2d/kernel", "model/conv2d/bias", "model/dense/kernel", "model/dense/bias" }));
        Assert.That(partialNames, Is.EqualTo(originalNames));
        Assert.That(nearlyNames, Is.EqualTo(originalNames));
        Assert.That(nativeNames, Is.EqualTo(new[] { "conv2d/kernel", "conv2d/bias", "dense/kernel", "dense/bias" }));

        Assert.That(partial, Is.EqualTo(original).Within(1e-6f));
        Assert.That(nearly, Is.EqualTo(original).Within(1e-6f));
        Assert.That(native, Is.EqualTo(original).Within(1e-6f));
        Assert.That(partialLoss, Is.EqualTo(originalLoss).Within(1e-6));
        Assert.That(nearlyLoss, Is.EqualTo(originalLoss).Within(1e-6));
        Assert.That(nativeLoss, Is.EqualTo(originalLoss).Within(1e-6));
    }

    [Test]
    public void CheckpointCompatibleMigration_RecordScopeKeepsTheCompatNames()
    {
        using var x = ones(10, 10, 10, 10);
        var functional = new FunctionalStyleCompatModel();
        var objects = new OOStyleCompatModel();
        var partial = new PartiallyNativeKerasLayersModel(recordScopes: true);
        var native = new FullyNativeKerasLayersModel();

        functional.Call(x);
        objects.Call(x);
        objects.Call(x);
        partial.Call(x);
        native.Call(x);

        string[] compatNames =
        [
            "model/conv2d/kernel", "model/conv2d/bias",
            "model/conv2d_1/kernel", "model/conv2d_1/bias",
            "model/conv2d_2/kernel", "model/conv2d_2/bias",
        ];
        Assert.That(Names.Of(functional.Variables), Is.EqualTo(compatNames));
        Assert.That(functional.Variables.Select(v => v.Shape), Is.EqualTo(new[]
        {
            new long[] { 3, 3, 10, 3 }, new long[] { 3 }, new long[] { 4, 4, 3, 4 }, new long[] { 4 }, new long[] { 5, 5, 4, 5 }, new long[] { 5 },
        }));
        Assert.That(Names.Of(objects.Variables), Is.EqualTo(compatNames));
        Assert.That(objects.Variables[0], Is.SameAs(objects.Conv1.Weight("kernel")));
        Assert.That(objects.Variables[3], Is.SameAs(objects.Conv2.Weight("bias")));
        Assert.That(Names.Of(partial.Variables), Is.EqualTo(compatNames));
        Assert.That(partial.Variables[0], Is.SameAs(partial.Conv1.Kernel));
        Assert.That(partial.Variables[3], Is.SameAs(partial.Conv2.Bias));
        Assert.That(Names.Of(native.Variables), Is.EqualTo(new[]
        {
            "conv2d/kernel", "conv2d/bias", "conv2d_1/kernel", "conv2d_1/bias", "conv2d_2/kernel", "conv2d_2/bias",
        }));
    }

    [Test]
    public void CheckpointCompatibleMigration_WithoutRecordScope_TheCompatLayerTakesAReplacedName()
    {
        using var x = ones(10, 10, 10, 10);
        var partial = new PartiallyNativeKerasLayersModel(recordScopes: false);

        partial.Call(x);

        // Native layers do not move the compat counters, so the remaining compat layer becomes model/conv2d.
        Assert.That(Names.Of(partial.Variables).Count(n => n == "model/conv2d/kernel"), Is.EqualTo(2));
    }

    private static (float[] Output, double Loss, string[] Names) RunSeeded(Module<Tensor, Tensor> model)
    {
        var tool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
        using (tool.Scope())
        {
            using var inputs = RandomOps.Normal([10, 5, 5, 5], 0, 1);
            var output = model.Call(inputs).data<float>().ToArray();
            var loss = model.Losses.Sum(l => l.ToDouble());
            return (output, loss, Names.Of(model.Variables));
        }
    }
}
