using System.Linq;
using Parity.Torch;

namespace Parity.Benchmarks.Runtime;

/// <summary>
/// The small conv net as bare libtorch calls on NCHW memory, reading the native net's weights: what
/// the runtime's layers add overhead to.
/// </summary>
internal sealed class RawConvNet
{
    private readonly Tensor kernel1;
    private readonly Tensor bias1;
    private readonly Tensor kernel2;
    private readonly Tensor bias2;
    private readonly Tensor gamma;
    private readonly Tensor beta;
    private readonly Tensor mean;
    private readonly Tensor variance;
    private readonly Tensor dense;
    private readonly Tensor denseBias;

    public RawConvNet(NativeConvNet built)
    {
        var weights = built.Variables;
        Tensor Weight(string name) => weights.Single(v => v.Name == name).Value;

        // Native conv kernels are HWIO views of OIHW memory, so these views are contiguous.
        kernel1 = Weight("conv2d/kernel").Permute(3, 2, 0, 1);
        bias1 = Weight("conv2d/bias");
        kernel2 = Weight("conv2d_1/kernel").Permute(3, 2, 0, 1);
        bias2 = Weight("conv2d_1/bias");
        gamma = Weight("batch_normalization/gamma");
        beta = Weight("batch_normalization/beta");
        mean = Weight("batch_normalization/moving_mean");
        variance = Weight("batch_normalization/moving_variance");
        dense = Weight("dense/kernel");
        denseBias = Weight("dense/bias");
    }

    public Tensor Forward(Tensor nhwc)
    {
        var h = nhwc.Permute(0, 3, 1, 2).Conv2d(kernel1, bias1, padding: (1, 1, 1, 1)).Relu();
        h = h.BatchNorm(gamma, beta, mean, variance, training: false, eps: 0.001);
        h = h.Conv2d(kernel2, bias2, stride: (2, 2), padding: (0, 1, 0, 1)).Relu();
        h = h.MaxPool2d((2, 2), (2, 2));
        h = h.Permute(0, 2, 3, 1).Reshape(1, -1);
        return h.MatMul(dense).Add(denseBias);
    }
}
