using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace Parity.Samples.ResnetV1.Model;

/// <summary>
/// What ResNet v1 returns: the squeezed logits and TF-Slim's <c>end_points</c> under slim's names
/// (<c>resnet_v1_50/block1/unit_1/bottleneck_v1/conv1</c>, <c>resnet_v1_50/block1</c>, <c>global_pool</c>,
/// <c>predictions</c>, ...) in the order slim adds them. A module call keeps every endpoint alive.
/// </summary>
public sealed class ResnetOutput : ITensorContainer
{
    private readonly List<KeyValuePair<string, Tensor>> endpoints;

    /// <summary>Wraps the logits and the endpoints.</summary>
    /// <param name="logits">(batch, classes) logits.</param>
    /// <param name="endpoints">Endpoints by name, in the order they were added.</param>
    public ResnetOutput(Tensor logits, IEnumerable<KeyValuePair<string, Tensor>> endpoints)
    {
        Logits = logits ?? throw new ArgumentNullException(nameof(logits));
        this.endpoints = [.. endpoints ?? throw new ArgumentNullException(nameof(endpoints))];
    }

    /// <summary>(batch, classes) logits.</summary>
    public Tensor Logits { get; }

    /// <summary>The endpoints in the order the network adds them.</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> Endpoints => endpoints;

    /// <inheritdoc/>
    public IEnumerable<Tensor> Tensors => endpoints.Select(pair => pair.Value).Prepend(Logits);
}
