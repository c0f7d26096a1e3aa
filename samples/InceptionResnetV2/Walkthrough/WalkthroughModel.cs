using System;
using System.Collections.Generic;
using System.Linq;
using Parity.Samples.InceptionResnetV2.MobilenetV1;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Samples.ResnetV1.Model;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>A model the walkthrough can validate: its legacy forward pass and its sizes.</summary>
/// <param name="Name">The <c>--model</c> name (slim's <c>nets_factory</c> name).</param>
/// <param name="Title">How the console names it.</param>
/// <param name="Size">Default image size of the forward-pass steps.</param>
/// <param name="TrainSize">Default image size of the gradient step.</param>
/// <param name="MinimumSize">The smallest image that reaches every layer.</param>
/// <param name="Legacy">The legacy forward pass: (images, training) → output, against the active store.</param>
/// <param name="HasNativePort">Whether a TorchSharp-native port exists for the last step (Inception-ResNet-v2 only).</param>
public sealed record WalkthroughModel(string Name, string Title, long Size, long TrainSize, long MinimumSize, Func<Tensor, bool, InceptionOutput> Legacy, bool HasNativePort)
{
    /// <summary>Inception-ResNet-v2, the default.</summary>
    public static WalkthroughModel InceptionResnetV2 { get; } = new(
        "inception_resnet_v2", "Inception-ResNet-v2", 299, 139, 107, (x, training) => LegacyInception.Forward(x, LegacyInception.NumClasses, training), HasNativePort: true);

    /// <summary>Every model, by <c>--model</c> name.</summary>
    public static IReadOnlyList<WalkthroughModel> All { get; } =
    [
        InceptionResnetV2,
        new("mobilenet_v1", "MobileNet v1", 224, 224, 32, (x, training) => LegacyMobilenetV1.Forward(x, training), HasNativePort: false),
        new("resnet_v1_50", "ResNet v1 50", 224, 224, 32, ResnetLegacy, HasNativePort: false),
    ];

    /// <summary>ResNet v1 50 (its own sample project) as the walkthrough's output: logits and endpoints.</summary>
    private static InceptionOutput ResnetLegacy(Tensor images, bool training)
    {
        var output = LegacyResnetV1.Forward(images, LegacyResnetV1.NumClasses, training);
        return new InceptionOutput(output.Logits, output.Endpoints);
    }

    /// <summary>The model called <paramref name="name"/>.</summary>
    /// <param name="name">A <c>--model</c> name.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">No model has that name; the message lists them.</exception>
    public static WalkthroughModel Find(string name) =>
        All.FirstOrDefault(model => model.Name == name)
        ?? throw new ArgumentException($"--model: unknown model '{name}'; use one of {string.Join(", ", All.Select(model => model.Name))}.");
}
