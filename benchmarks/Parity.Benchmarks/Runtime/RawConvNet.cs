using System.Linq;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Parity.Benchmarks.Runtime;

/// <summary>
/// The small conv net as bare TorchSharp calls on NCHW memory, reading the native net's weights: what
/// the runtime's layers add overhead to.
/// </summary>
internal sealed class RawConvNet
{
    private static readonly long[] Pool = [2, 2];
    private static readonly long[] StrideTwo = [2, 2];
    private static readonly long[] PadOneOne = [1, 1];
    private static readonly long[] SameAfter = [0, 1, 0, 1];

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
        kernel1 = Weight("conv2d/kernel").permute(3, 2, 0, 1);
        bias1 = Weight("conv2d/bias");
        kernel2 = Weight("conv2d_1/kernel").permute(3, 2, 0, 1);
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
        // The model input is NHWC memory: one copy to NCHW, as the runtime's layers make.
        var h = F.relu(F.conv2d(nhwc.permute(0, 3, 1, 2).contiguous(), kernel1, bias1, padding: PadOneOne));
        h = F.batch_norm(h, mean, variance, gamma, beta, training: false, eps: 0.001);
        h = F.relu(F.conv2d(F.pad(h, SameAfter), kernel2, bias2, strides: StrideTwo));
        h = F.max_pool2d(h, Pool, Pool);
        h = h.permute(0, 2, 3, 1).reshape(1, -1);
        return h.matmul(dense).add(denseBias);
    }
}
