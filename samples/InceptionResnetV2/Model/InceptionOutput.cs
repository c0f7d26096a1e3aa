using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Model;

/// <summary>
/// What Inception-ResNet-v2 returns: the logits and the named endpoints (TF-Slim's <c>end_points</c>),
/// in the order the network adds them. A module call keeps every endpoint alive.
/// </summary>
public sealed class InceptionOutput : ITensorContainer
{
    private readonly List<KeyValuePair<string, Tensor>> endpoints;

    /// <summary>Wraps the logits and the endpoints.</summary>
    /// <param name="logits">(batch, classes) logits.</param>
    /// <param name="endpoints">Endpoints by name, in the order they were added.</param>
    public InceptionOutput(Tensor logits, IEnumerable<KeyValuePair<string, Tensor>> endpoints)
    {
        Logits = logits ?? throw new ArgumentNullException(nameof(logits));
        this.endpoints = [.. endpoints ?? throw new ArgumentNullException(nameof(endpoints))];
    }

    /// <summary>(batch, classes) logits.</summary>
    public Tensor Logits { get; }

    /// <summary>The auxiliary head's logits, or null when the model was built without it.</summary>
    public Tensor? AuxLogits => Endpoint("AuxLogits");

    /// <summary>The endpoints in the order the network adds them.</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> Endpoints => endpoints;

    /// <inheritdoc/>
    public IEnumerable<Tensor> Tensors => endpoints.Select(pair => pair.Value).Prepend(Logits);

    /// <summary>The endpoint called <paramref name="name"/>, or null.</summary>
    /// <param name="name">For example <c>Mixed_6a</c> or <c>PreAuxLogits</c>.</param>
    /// <returns>The tensor, or null when there is no such endpoint.</returns>
    public Tensor? Endpoint(string name) => endpoints.FirstOrDefault(pair => pair.Key == name).Value;
}
