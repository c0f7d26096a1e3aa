using Parity.Torch;
using Parity.Torch.Tests.Fixtures;

namespace Parity.Torch.Tests;

/// <summary>Convolution, pooling, batch norm and activations against PyTorch's outputs (golden.json).</summary>
public sealed class NnGoldenTests
{
    [Test]
    public void Conv2dWithAsymmetricPaddingAndStride()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([1, 3, 7, 7], 0.1);
        var w = Wave.Of([4, 3, 3, 3], 0.7, 0.5);
        var b = Wave.Of([4], 1.3, 0.1);

        Golden.AssertMatches("conv2d_asymmetric", x.Conv2d(w, b, stride: (2, 1), padding: (0, 1, 1, 2)));
    }

    [Test]
    public void Conv2dWithDilationAndGroups()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([2, 4, 8, 8], 0.2);
        var w = Wave.Of([6, 2, 3, 3], 0.9, 0.5);

        Golden.AssertMatches("conv2d_dilated_grouped", x.Conv2d(w, padding: (2, 2, 2, 2), dilation: (2, 2), groups: 2));
    }

    [Test]
    public void MaxPool2dSymmetricAsymmetricAndCeil()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([1, 2, 6, 6], 0.3);

        Golden.AssertMatches("max_pool2d_symmetric", x.MaxPool2d((3, 3), (2, 2), (1, 1, 1, 1)));
        Golden.AssertMatches("max_pool2d_asymmetric", x.MaxPool2d((3, 3), (2, 2), (0, 1, 0, 1)));
        Golden.AssertMatches("max_pool2d_ceil", Wave.Of([1, 1, 5, 5], 0.4).MaxPool2d((2, 2), ceilMode: true));
    }

    [Test]
    public void AvgPool2dCountingAndNotCountingPadding()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([1, 2, 5, 5], 0.5);

        Golden.AssertMatches("avg_pool2d_include_pad", x.AvgPool2d((3, 3), (2, 2), (1, 1, 1, 1), countIncludePad: true));
        Golden.AssertMatches("avg_pool2d_exclude_pad", x.AvgPool2d((3, 3), (2, 2), (1, 1, 1, 1), countIncludePad: false));
    }

    [Test]
    public void AvgPool2dWithAsymmetricPaddingAveragesRealCellsWhenAsked()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([1, 2, 6, 6], 0.3);

        Golden.AssertMatches("avg_pool2d_asymmetric_exclude", x.AvgPool2d((3, 3), (2, 2), (0, 1, 0, 1), countIncludePad: false));
        Golden.AssertMatches("avg_pool2d_asymmetric_include", x.AvgPool2d((3, 3), (2, 2), (0, 1, 0, 1), countIncludePad: true));
    }

    [Test]
    public void PoolingPadsEachSideWhereAsked()
    {
        // (top 1, bottom 0, left 0, right 1): a mix-up of rows and columns, or of before and after, shows.
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([1, 2, 6, 6], 0.3);

        Golden.AssertMatches("max_pool2d_uneven_sides", x.MaxPool2d((3, 3), (2, 2), (1, 0, 0, 1)));
        Golden.AssertMatches("avg_pool2d_uneven_sides_exclude", x.AvgPool2d((3, 3), (2, 2), (1, 0, 0, 1), countIncludePad: false));
        Golden.AssertMatches("avg_pool2d_uneven_sides_include", x.AvgPool2d((3, 3), (2, 2), (1, 0, 0, 1), countIncludePad: true));
    }

    [Test]
    public void BatchNormInference()
    {
        using var scope = Torch.NewDisposeScope();
        var (x, gamma, beta, mean, var) = BatchNormInputs();

        Golden.AssertMatches("batch_norm_inference", x.BatchNorm(gamma, beta, mean, var, training: false, 0.1, 1e-3));
    }

    [Test]
    public void BatchNormTrainingUpdatesRunningStatisticsInPlace()
    {
        using var scope = Torch.NewDisposeScope();
        var (x, gamma, beta, mean, var) = BatchNormInputs();

        Golden.AssertMatches("batch_norm_training", x.BatchNorm(gamma, beta, mean, var, training: true, 0.1, 1e-3));
        Golden.AssertMatches("batch_norm_training_running_mean", mean);
        Golden.AssertMatches("batch_norm_training_running_var", var);
    }

    [Test]
    public void Activations()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([2, 5], 0.0, 8.0);

        Golden.AssertMatches("relu", x.Relu());
        Golden.AssertMatches("relu6", x.Relu6());
        Golden.AssertMatches("sigmoid", x.Sigmoid());
        Golden.AssertMatches("tanh", x.Tanh());
        Golden.AssertMatches("softmax_dim1", x.Softmax(1));
        Golden.AssertMatches("log_softmax_dim0", x.LogSoftmax(0));
    }

    [Test]
    public void ElementWiseMath()
    {
        using var scope = Torch.NewDisposeScope();

        Golden.AssertMatches("erfinv", Wave.Of([2, 5], 0.0, 0.9).Erfinv());
        Golden.AssertMatches("rsqrt", Wave.Of([2, 5], 0.0, 1.0, 2.0).Rsqrt());
        Golden.AssertMatches("log", Wave.Of([2, 5], 0.0, 1.0, 2.0).Log());
        Golden.AssertMatches("exp", Wave.Of([2, 5], 0.0).Exp());
    }

    [Test]
    public void BatchedMatMulInBothFloatTypes()
    {
        using var scope = Torch.NewDisposeScope();

        Golden.AssertMatches("matmul_batched", Wave.Of([2, 3, 4], 0.1).MatMul(Wave.Of([4, 5], 0.6)));
        Golden.AssertMatches(
            "matmul_batched_f64",
            Wave.Of([2, 3, 4], 0.1, dtype: DType.Float64).MatMul(Wave.Of([4, 5], 0.6, dtype: DType.Float64)),
            rtol: 1e-12,
            atol: 1e-12);
    }

    [Test]
    public void Reductions()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Wave.Of([2, 3, 4], 0.2);

        Golden.AssertMatches("sum_dims_0_2", x.Sum([0, 2]));
        Golden.AssertMatches("mean_dim1_keep", x.Mean([1], keepDim: true));
        Golden.AssertMatches("max_dim2", x.Max(2));
        Golden.AssertMatches("argmax_dim1", x.ArgMax(1));
        Golden.AssertMatches("min_all", x.Min());
    }

    private static (Tensor X, Tensor Gamma, Tensor Beta, Tensor Mean, Tensor Var) BatchNormInputs() => (
        Wave.Of([2, 3, 4, 4], 0.6, 2.0, 0.5),
        Wave.Of([3], 0.5, 0.5, 1.0),
        Wave.Of([3], 1.5, 0.2),
        Wave.Of([3], 2.5, 0.1),
        Wave.Of([3], 3.5, 0.3, 1.0));
}
