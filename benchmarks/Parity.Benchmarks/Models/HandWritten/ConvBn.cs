using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Benchmarks.Models.HandWritten;

/// <summary>
/// Slim's conv2d under the Inception arg scope, as a TorchSharp user writes it: a convolution without
/// bias, batch norm with TF's epsilon and decay (momentum 1 − 0.9997), ReLU. Stride-1 TF SAME padding with
/// odd kernels is symmetric, so it is the convolution's own padding.
/// </summary>
internal sealed class ConvBn : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;

    public ConvBn(long inChannels, long outChannels, (long H, long W) kernel, long stride = 1, bool same = false)
        : base(nameof(ConvBn))
    {
        var padding = same ? ((kernel.H - 1) / 2, (kernel.W - 1) / 2) : (0L, 0L);
        conv = nn.Conv2d(inChannels, outChannels, kernel, stride: (stride, stride), padding: padding, bias: false);
        norm = nn.BatchNorm2d(outChannels, eps: 0.001, momentum: 0.0003);
        RegisterComponents();
    }

    public ConvBn(long inChannels, long outChannels, long kernel, long stride = 1, bool same = false)
        : this(inChannels, outChannels, (kernel, kernel), stride, same)
    {
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu(norm.call(conv.call(input))).MoveToOuterDisposeScope();
    }
}
