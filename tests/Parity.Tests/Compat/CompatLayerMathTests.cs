using System.Linq;
using Parity.Compat;
using static TorchSharp.torch;

namespace Parity.Tests.Compat;

/// <summary>The compat layers' TF conventions, against small cases worked out by hand.</summary>
public class CompatLayerMathTests
{
    private static float[] Run(System.Func<Tensor> build, bool training = false)
    {
        var graph = new LegacyGraph();
        return graph.Run(build, training).data<float>().ToArray();
    }

    private static Tensor Image3x3() => arange(1, 10, ScalarType.Float32).reshape(1, 3, 3, 1);

    [Test]
    public void Dense_MultipliesByTheKernelAndAddsTheBias()
    {
        using var x = tensor(new float[] { 1, 2 }, [1, 2]);

        var output = Run(() => Layers.Dense(x, 3, kernelInitializer: Initializers.Constant(0.5), biasInitializer: Initializers.Constant(1)));

        Assert.That(output, Is.EqualTo(new float[] { 2.5f, 2.5f, 2.5f }));
    }

    [Test]
    public void Dense_AppliesTheActivation()
    {
        using var x = tensor(new float[] { 1, 2 }, [1, 2]);

        var output = Run(() => Layers.Dense(x, 2, activation: t => t.relu(), kernelInitializer: Initializers.Constant(-1)));

        Assert.That(output, Is.EqualTo(new float[] { 0, 0 }));
    }

    [Test]
    public void Conv2dValid_SumsEachTwoByTwoWindow()
    {
        using var x = Image3x3();
        Tensor? result = null;

        var output = Run(() => result = Layers.Conv2d(x, 1, 2, kernelInitializer: Initializers.Ones()));

        Assert.That(result!.shape, Is.EqualTo(new long[] { 1, 2, 2, 1 }));
        Assert.That(output, Is.EqualTo(new float[] { 12, 16, 24, 28 }));
    }

    [Test]
    public void Conv2dSame_PadsOnlyAfter_WhenThePaddingIsOdd()
    {
        using var x = Image3x3();

        // pad_total = (3-1)*1 + 2 - 3 = 1: nothing before, one row/column after.
        var output = Run(() => Layers.Conv2d(x, 1, 2, padding: Padding.Same, kernelInitializer: Initializers.Ones()));

        Assert.That(output, Is.EqualTo(new float[] { 12, 16, 9, 24, 28, 15, 15, 17, 9 }));
    }

    [Test]
    public void Conv2dSameWithStride2_UsesTfsAsymmetricPadding()
    {
        using var x = arange(1, 17, ScalarType.Float32).reshape(1, 4, 4, 1);

        // out = ceil(4/2) = 2, pad_total = (2-1)*2 + 3 - 4 = 1 (after): windows rows/cols {0-2} and {2-3}.
        var output = Run(() => Layers.Conv2d(x, 1, 3, strides: 2, padding: Padding.Same, kernelInitializer: Initializers.Ones()));

        Assert.That(output, Is.EqualTo(new float[] { 54, 45, 72, 54 }));
    }

    [Test]
    public void Conv2d_ReadsTheKernelAsHwio()
    {
        using var x = tensor(new float[] { 1, 10 }, [1, 1, 1, 2]);
        using var kernel = arange(0, 6, ScalarType.Float32).reshape(1, 1, 2, 3);

        // out[o] = Σ_i x[i]·w[0,0,i,o] = 1·[0,1,2] + 10·[3,4,5].
        var output = Run(() => Layers.Conv2d(x, 3, 1, kernelInitializer: Initializers.FromTensor(kernel)));

        Assert.That(output, Is.EqualTo(new float[] { 30, 41, 52 }));
    }

    [Test]
    public void Conv2d_CreatesAnHwioKernelAndABias()
    {
        var graph = new LegacyGraph();
        using var x = zeros(2, 5, 5, 4);

        graph.Run(() => Layers.Conv2d(x, 6, (3, 2)));

        Assert.That(graph.GlobalVariables.Select(v => (v.Name, v.Shape.Length, v.Shape[^1])), Is.EqualTo(new[] { ("conv2d/kernel", 4, 6L), ("conv2d/bias", 1, 6L) }));
        Assert.That(graph.GlobalVariables[0].Shape, Is.EqualTo(new long[] { 3, 2, 4, 6 }));
    }

    [Test]
    public void Conv2dKernel_StaysHwioToUsers_WhileLibtorchReadsOihwWithoutACopy()
    {
        var graph = new LegacyGraph();
        using var x = ones(1, 3, 3, 1);
        using var kernelValues = arange(0, 8, ScalarType.Float32).reshape(2, 2, 1, 2);

        using var output = graph.Run(() => Layers.Conv2d(x, 2, 2, kernelInitializer: Initializers.FromTensor(kernelValues)));
        var kernel = graph.GlobalVariables[0];

        Assert.That(kernel.Shape, Is.EqualTo(new long[] { 2, 2, 1, 2 }));
        Assert.That(kernel.Value.data<float>().ToArray(), Is.EqualTo(new float[] { 0, 1, 2, 3, 4, 5, 6, 7 }));
        using var oihw = kernel.Value.permute(3, 2, 0, 1);
        Assert.That(oihw.is_contiguous(), Is.True);

        // d(Σ output)/d kernel: every kernel cell meets four input cells of ones.
        using var loss = output.sum();
        loss.backward();
        Assert.That(kernel.Value.grad!.shape, Is.EqualTo(new long[] { 2, 2, 1, 2 }));
        Assert.That(kernel.Value.grad!.data<float>().ToArray(), Is.All.EqualTo(4f));
    }

    [Test]
    public void ConcatOnChannels_JoinsNhwcViewsInNchwMemory()
    {
        // a has channels [h*2 + w] and b [10 + h*2 + w] at each pixel (h, w).
        using var aNchw = arange(0, 4, ScalarType.Float32).reshape(1, 1, 2, 2);
        using var bNchw = arange(10, 14, ScalarType.Float32).reshape(1, 1, 2, 2);
        using var a = aNchw.permute(0, 2, 3, 1);
        using var b = bNchw.permute(0, 2, 3, 1);

        using var joined = Layers.Concat([a, b]);
        using var asNchw = joined.permute(0, 3, 1, 2);

        Assert.That(joined.shape, Is.EqualTo(new long[] { 1, 2, 2, 2 }));
        Assert.That(joined.data<float>().ToArray(), Is.EqualTo(new float[] { 0, 10, 1, 11, 2, 12, 3, 13 }));
        Assert.That(asNchw.is_contiguous(), Is.True);
    }

    [Test]
    public void ConcatOnAnotherAxis_IsAPlainConcatenation()
    {
        using var a = tensor(new float[] { 1, 2 }, [1, 2]);
        using var b = tensor(new float[] { 3, 4 }, [1, 2]);

        using var joined = Layers.Concat([a, b], axis: 0);

        Assert.That(joined.shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(joined.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void MaxPoolingSame_NeverLetsAPaddedCellWin()
    {
        using var image = Image3x3();
        using var x = image.neg();

        var output = Run(() => Layers.MaxPooling2d(x, 2, 2, Padding.Same));

        Assert.That(output, Is.EqualTo(new float[] { -1, -3, -7, -9 }));
    }

    [Test]
    public void AveragePoolingSame_AveragesOnlyRealCells()
    {
        using var x = Image3x3();

        var output = Run(() => Layers.AveragePooling2d(x, 2, 2, Padding.Same));

        Assert.That(output, Is.EqualTo(new float[] { 3, 4.5f, 7.5f, 9 }));
    }

    [Test]
    public void AveragePoolingValid_DropsThePartialWindows()
    {
        using var x = Image3x3();

        var output = Run(() => Layers.AveragePooling2d(x, 2, 2));

        Assert.That(output, Is.EqualTo(new float[] { 3 }));
    }

    [Test]
    public void Flatten_UsesNhwcOrder_EvenForAViewOfNchwMemory()
    {
        // nhwc[0,h,w,c] = nchw[0,c,h,w] = 4c + 2h + w.
        using var nchw = arange(0, 8, ScalarType.Float32).reshape(1, 2, 2, 2);
        using var nhwc = nchw.permute(0, 2, 3, 1);

        var output = Run(() => Layers.Flatten(nhwc));

        Assert.That(output, Is.EqualTo(new float[] { 0, 4, 1, 5, 2, 6, 3, 7 }));
    }

    [Test]
    public void BatchNormTraining4D_UpdatesTheMovingVarianceWithTheUnbiasedBatchVariance()
    {
        var graph = new LegacyGraph();
        using var x = tensor(new float[] { 1, 3 }, [2, 1, 1, 1]);

        var output = graph.Run(() => Layers.BatchNormalization(x), training: true).data<float>().ToArray();

        // Batch mean 2, biased variance 1 (normalizes), unbiased variance 2 (moving update, TF's fused path).
        var expected = (float)(1 / System.Math.Sqrt(1 + 0.001));
        Assert.That(output, Is.EqualTo(new[] { -expected, expected }).Within(1e-6f));
        Assert.That(Moving(graph, "moving_mean"), Is.EqualTo(new[] { 0.02f }).Within(1e-6f));
        Assert.That(Moving(graph, "moving_variance"), Is.EqualTo(new[] { 0.99f + (0.01f * 2) }).Within(1e-6f));
    }

    [Test]
    public void BatchNormTraining2D_UpdatesTheMovingVarianceWithTheBiasedBatchVariance()
    {
        var graph = new LegacyGraph();
        using var x = tensor(new float[] { 1, 3 }, [2, 1]);

        graph.Run(() => Layers.BatchNormalization(x), training: true);

        Assert.That(Moving(graph, "moving_variance"), Is.EqualTo(new[] { 0.99f + (0.01f * 1) }).Within(1e-6f));
    }

    [Test]
    public void BatchNormTraining4D_OnOneValuePerChannel_KeepsTheMovingVarianceFinite()
    {
        // One cell per channel: batch variance 0, and TF's fused kernel divides by max(n - 1, 1), so the
        // moving variance becomes 0.99·1 + 0.01·0 (libtorch's own running_var would be NaN here).
        var graph = new LegacyGraph();
        using var x = tensor(new float[] { 1, 2, 3 }, [1, 1, 1, 3]);

        var output = graph.Run(() => Layers.BatchNormalization(x), training: true).data<float>().ToArray();

        Assert.That(output, Is.EqualTo(new float[] { 0, 0, 0 }));
        Assert.That(Moving(graph, "moving_mean"), Is.EqualTo(new[] { 0.01f, 0.02f, 0.03f }).Within(1e-6f));
        Assert.That(Moving(graph, "moving_variance"), Is.EqualTo(new[] { 0.99f, 0.99f, 0.99f }).Within(1e-6f));
    }

    [Test]
    public void BatchNormTraining4DInFloat64_UpdatesTheMovingVarianceWithTheBiasedBatchVariance()
    {
        // TF's fused kernel takes no float64, so Keras falls back to the plain path even for 4-D input.
        var graph = new LegacyGraph();
        using var x = tensor(new double[] { 1, 3 }, [2, 1, 1, 1]);

        var output = graph.Run(() => Layers.BatchNormalization(x), training: true).data<double>().ToArray();

        var expected = 1 / System.Math.Sqrt(1 + 0.001);
        var movingVariance = graph.GlobalVariables.Single(v => v.Name.EndsWith("/moving_variance", System.StringComparison.Ordinal)).Value.data<double>().ToArray();
        Assert.That(output, Is.EqualTo(new[] { -expected, expected }).Within(1e-12));
        Assert.That(movingVariance, Is.EqualTo(new[] { 0.99 + (0.01 * 1) }).Within(1e-12));
    }

    [Test]
    public void BatchNormInference_UsesTheMovingStatistics_AndLeavesThemAlone()
    {
        var graph = new LegacyGraph();
        using var x = tensor(new float[] { 1, 3 }, [2, 1, 1, 1]);

        var output = graph.Run(() => Layers.BatchNormalization(x, center: false, gammaInitializer: Initializers.Constant(2))).data<float>().ToArray();

        var scale = (float)(2 / System.Math.Sqrt(1 + 0.001));
        Assert.That(output, Is.EqualTo(new[] { scale, 3 * scale }).Within(1e-5f));
        Assert.That(Moving(graph, "moving_mean"), Is.EqualTo(new[] { 0f }));
        Assert.That(graph.GlobalVariables.Select(v => v.Name), Has.None.EndsWith("/beta"));
    }

    [Test]
    public void Dropout_IsIdentityInInference_AndScalesKeptValuesInTraining()
    {
        using var x = ones(1000);

        var inference = Run(() => Layers.Dropout(x, 0.5));
        var training = Run(() => Layers.Dropout(x, 0.5), training: true);

        Assert.That(inference, Is.All.EqualTo(1f));
        Assert.That(training, Is.All.EqualTo(0f).Or.EqualTo(2f));
        Assert.That(training.Count(v => v == 0f), Is.InRange(400, 600));
    }

    [Test]
    public void LayersWithoutVariables_MoveTheNameCountersLikeTf()
    {
        var graph = new LegacyGraph();
        using var x = ones(1, 2, 2, 1);

        var next = graph.Run(() =>
        {
            using (VariableScopes.VariableScope("m"))
            {
                Layers.Flatten(x);
                Layers.Flatten(x);
                return CallFrame.Current!.Scopes!.UniqueName("flatten");
            }
        });

        Assert.That(next, Is.EqualTo("flatten_2"));
    }

    [Test]
    public void Conv2d_RejectsANonImageInput()
    {
        using var x = ones(2, 3);

        Assert.That(
            () => Run(() => Layers.Conv2d(x, 1, 1)),
            Throws.ArgumentException.With.Message.Contains("Conv2d expects a 4-D NHWC input (batch, height, width, channels), got shape (2, 3)"));
    }

    private static float[] Moving(LegacyGraph graph, string suffix) =>
        graph.GlobalVariables.Single(v => v.Name.EndsWith("/" + suffix, System.StringComparison.Ordinal)).Value.data<float>().ToArray();
}
