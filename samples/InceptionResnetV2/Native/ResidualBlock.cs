using Parity.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>
/// An Inception-ResNet block: towers joined, a biased linear 1×1 <see cref="Conv2D"/> back to the
/// input depth, scaled, added to the input, then ReLU unless it is the network's last block.
/// </summary>
public sealed class ResidualBlock : Module<Tensor, Tensor>
{
    private readonly Branches towers;
    private readonly Conv2D up;
    private readonly double scale;
    private readonly bool activate;

    /// <summary>Declares the block.</summary>
    /// <param name="name">The block's full name, e.g. <c>InceptionResnetV2/Repeat/block35_1</c>.</param>
    /// <param name="depth">Input (and output) channels.</param>
    /// <param name="scale">Scale of the residual.</param>
    /// <param name="activate">Whether ReLU follows the sum.</param>
    /// <param name="towers">The towers.</param>
    public ResidualBlock(string name, long depth, double scale, bool activate, Branches towers)
    {
        this.towers = towers;
        up = new Conv2D(depth, 1, padding: Padding.Same, kernelRegularizer: NativeNames.WeightDecay, biasRegularizer: NativeNames.WeightDecay, name: name + "/Conv2d_1x1");
        this.scale = scale;
        this.activate = activate;
    }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input)
    {
        var sum = input + (up.Call(towers.Call(input)) * scale);
        return activate ? sum.relu() : sum;
    }
}
