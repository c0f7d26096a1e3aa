using Parity.Mapping;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>
/// Block35, Block17 and Block8: the towers joined, a biased linear 1×1 <c>Conv2d</c> back to the trunk
/// depth, scaled and added to the input, then ReLU unless it is the network's last block. TF names:
/// the towers at <c>{scope}/Branch_i/...</c>, the projection at <c>{scope}/Conv2d_1x1/{weights, biases}</c>.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>, ITfWeights
{
    private readonly Branches towers;
    private readonly Conv2d up;
    private readonly double scale;
    private readonly bool activate;

    /// <summary>Declares the block.</summary>
    /// <param name="towers">The towers.</param>
    /// <param name="joinedChannels">Channels of the joined towers.</param>
    /// <param name="depth">Trunk channels (input and output).</param>
    /// <param name="scale">Scale of the residual.</param>
    /// <param name="activate">Whether ReLU follows the sum.</param>
    public ResidualBlock(Branches towers, long joinedChannels, long depth, double scale, bool activate = true)
        : base(nameof(ResidualBlock))
    {
        this.towers = towers;
        up = nn.Conv2d(joinedChannels, depth, 1);
        this.scale = scale;
        this.activate = activate;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var sum = input + (scale * up.call(towers.call(input)));
        return (activate ? nn.functional.relu(sum) : sum).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void MapWeights(WeightMapBuilder map, string scope) => map.Layer(scope, towers).Layer($"{scope}/Conv2d_1x1", up);
}
