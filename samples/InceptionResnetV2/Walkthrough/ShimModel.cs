using System;
using Parity.Samples.InceptionResnetV2.Model;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>
/// The shim of any walkthrough model: its unchanged legacy forward pass inside a module whose
/// <see cref="Forward"/> is tracked, as <see cref="ShimInceptionResnetV2"/> is for Inception-ResNet-v2.
/// </summary>
/// <param name="legacy">The legacy forward pass: (images, training) → output.</param>
public sealed class ShimModel(Func<Tensor, bool, InceptionOutput> legacy) : Module<Tensor, InceptionOutput>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override InceptionOutput Forward(Tensor input) => legacy(input, Training);
}
