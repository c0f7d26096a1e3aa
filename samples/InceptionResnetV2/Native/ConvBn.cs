using Parity.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>
/// Native twin of slim's conv2d under the Inception arg scope: a bias-free <see cref="Conv2D"/>, a
/// <see cref="BatchNormalization"/> with gamma (decay 0.9997, epsilon 0.001), then ReLU. Named
/// <c>{name}/kernel</c> and <c>{name}/BatchNorm/...</c>, which map to slim's names (see <see cref="NativeNames"/>).
/// </summary>
public sealed class ConvBn : Module<Tensor, Tensor>
{
    private readonly Conv2D conv;
    private readonly BatchNormalization norm;

    /// <summary>Declares the layer; weights are built on the first call, as Keras layers are.</summary>
    /// <param name="name">Full name, e.g. <c>InceptionResnetV2/Conv2d_1a_3x3</c>.</param>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernelSize">Kernel (height, width).</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">TF padding.</param>
    public ConvBn(string name, long filters, Size2 kernelSize, Size2? stride = null, Padding padding = Padding.Same)
    {
        conv = new Conv2D(filters, kernelSize, stride, padding, useBias: false, kernelRegularizer: NativeNames.WeightDecay, name: name);
        norm = new BatchNormalization(momentum: 0.9997, epsilon: 0.001, scale: true, name: name + "/BatchNorm");
    }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => norm.Call(conv.Call(input)).relu();
}
