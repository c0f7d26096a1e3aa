using System.Linq;
using Parity.Samples.ModelMapping.Shim;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.ModelMapping;

/// <summary>The guide's shim examples: the variable names it prints, reuse across calls, tracked losses.</summary>
[TestFixture]
public sealed class ShimExampleTests
{
    [Test]
    public void DenseLayerReusesItsWeightsOnEveryCall()
    {
        var layer = new DenseLayer(10);
        var x = ones([8, 20]);
        layer.Call(x);
        Assert.That(layer.TrainableVariables.Select(v => v.Name), Is.EqualTo(new[] { "dense/kernel", "dense/bias" }));

        // The guide's reuse check: zero every weight, call again; a reused weight gives zeros and no loss.
        foreach (var variable in layer.TrainableVariables)
        {
            variable.Assign(variable.Value * 0.0);
        }

        var output = layer.Call(x);
        Assert.Multiple(() =>
        {
            Assert.That(layer.Variables, Has.Count.EqualTo(2));
            Assert.That(output.abs().max().item<float>(), Is.Zero);
            Assert.That(layer.Losses.Single().item<float>(), Is.Zero);
        });
    }

    [Test]
    public void CompatV1LayerModelNamesItsLayersInsideTheModelScope()
    {
        var layer = new CompatV1LayerModel(10);
        layer.Call(ones([8, 5, 5, 5]));
        layer.Call(ones([8, 5, 5, 5]));

        // conv2d 3x3 VALID on 5x5 leaves 3x3x3 = 27 features for the dense layer.
        Assert.That(
            layer.Variables.Select(v => $"{v.Name} {string.Join('x', v.Shape)}"),
            Is.EqualTo(new[] { "model/conv2d/kernel 3x3x5x3", "model/conv2d/bias 3", "model/dense/kernel 27x10", "model/dense/bias 10" }));
        Assert.That(layer.Losses, Has.Count.EqualTo(2), "kernel_regularizer on both kernels, none on biases");
    }

    [Test]
    public void NestedModelTracksTheLayerFromGetOrCreateLayer()
    {
        var layer = new NestedModel(10);
        layer.Call(ones([5, 5]));
        layer.Call(ones([5, 5]));
        Assert.Multiple(() =>
        {
            Assert.That(layer.Variables.Select(v => v.Name), Is.EquivalentTo(new[] { "dense/bias", "dense/kernel" }));

            // Keras L2 (0.01 * sum of squares) of a 5x10 kernel of ones.
            Assert.That(layer.Losses.Single().item<float>(), Is.EqualTo(0.01 * 50).Within(1e-6));
        });
    }

    [Test]
    public void WrappedDenseLayerNamesTheInnerModuleUnderTheOuterScope()
    {
        var layer = new WrappedDenseLayer(10);
        layer.Call(ones([5, 5]));
        layer.Call(ones([5, 5]));
        Assert.That(
            layer.Variables.Select(v => v.Name),
            Is.EquivalentTo(new[] { "outer/inner_dense/bias", "outer/inner_dense/kernel", "outer/dense/bias", "outer/dense/kernel", "outer/dense_1/bias", "outer/dense_1/kernel" }));
    }

    [Test]
    public void TemplateCreatesOneScalarAndScalesByIt()
    {
        var layer = new CompatV1TemplateScaleByY();
        var output = layer.Call(ones([2, 3]));
        layer.Call(ones([2, 3]));
        Assert.Multiple(() =>
        {
            Assert.That(layer.Variables.Select(v => v.Name), Is.EqualTo(new[] { "layer/scale_by_y/y" }));
            Assert.That(output.data<float>().ToArray(), Is.All.EqualTo(1.5f));
            Assert.That(layer.Losses.Single().item<float>(), Is.EqualTo(0.01 * 1.5 * 1.5).Within(1e-7));
        });
    }

    [Test]
    public void BatchNormUpdatesMovingAveragesOnlyInTraining()
    {
        var layer = new CompatV1BatchNorm();
        var x = arange(8 * 5 * 5 * 5, ScalarType.Float32).reshape(8, 5, 5, 5) / 100.0;
        layer.Call(x, training: false);
        var movingMean = layer.NonTrainableVariables.Single(v => v.Name == "batch_norm_layer/batch_normalization/moving_mean");
        Assert.That(movingMean.Value.abs().max().item<float>(), Is.Zero, "inference leaves the zero-initialized moving mean alone");

        layer.Call(x, training: true);

        // Channel c holds c/100 + 5k/100 for k = 0..199, so its batch mean is c/100 + 4.975; with the
        // default momentum 0.99 the moving mean becomes 0.01 times that.
        var expected = tensor(Enumerable.Range(0, 5).Select(c => (float)(0.01 * ((c / 100.0) + 4.975))).ToArray());
        TensorAssert.AllClose(movingMean.Value, expected, rtol: 1e-5, atol: 1e-7);
    }
}
