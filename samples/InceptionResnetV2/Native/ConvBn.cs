using Parity.Mapping;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>
/// Slim's conv2d under the Inception arg scope, written the TorchSharp way: <c>Conv2d</c> without bias,
/// <c>BatchNorm2d</c> with TF's epsilon 0.001 and decay 0.9997 (momentum 1 − 0.9997), then ReLU. NCHW.
/// Its TF names are slim's: <c>{scope}/weights</c> and <c>{scope}/BatchNorm/{gamma, beta, moving_mean, moving_variance}</c>.
/// </summary>
public sealed class ConvBn : nn.Module<Tensor, Tensor>, ITfWeights
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;

    /// <summary>Declares the layer.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernel">Kernel (height, width).</param>
    /// <param name="stride">Stride.</param>
    /// <param name="same">TF <c>SAME</c> padding (else <c>VALID</c>).</param>
    public ConvBn(long inChannels, long outChannels, (long Height, long Width) kernel, long stride = 1, bool same = true)
        : base(nameof(ConvBn))
    {
        conv = nn.Conv2d(inChannels, outChannels, kernel, stride: (stride, stride), padding: TfSame.SymmetricPadding(kernel, stride, same), bias: false);
        norm = nn.BatchNorm2d(outChannels, eps: 0.001, momentum: 1 - 0.9997);
        RegisterComponents();
    }

    /// <summary>Declares a layer with a square kernel.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernel">Kernel size.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="same">TF <c>SAME</c> padding (else <c>VALID</c>).</param>
    public ConvBn(long inChannels, long outChannels, long kernel, long stride = 1, bool same = true)
        : this(inChannels, outChannels, (kernel, kernel), stride, same)
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu(norm.call(conv.call(input))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void MapWeights(WeightMapBuilder map, string scope) => map.Layer(scope, conv).Layer($"{scope}/BatchNorm", norm);
}
