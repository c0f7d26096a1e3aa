using System;
using Parity.Compat;
using Parity.Tests.Support;
using static TorchSharp.torch;

namespace Parity.Tests.Compat;

/// <summary>
/// Layers hand libtorch NCHW-contiguous tensors even when the NHWC input really is NHWC in memory,
/// so its channels-last layout never spreads through the network: each output, seen as NCHW, is
/// contiguous.
/// </summary>
public class CompatMemoryFormatTests
{
    private static readonly long[] ToNchw = [0, 3, 1, 2];

    private static readonly (string Name, Func<Tensor, Tensor> Layer)[] Layers4D =
    [
        ("conv2d", x => Layers.Conv2d(x, 3, 2, padding: Padding.Same)),
        ("batch_normalization", x => Layers.BatchNormalization(x)),
        ("max_pooling2d", x => Layers.MaxPooling2d(x, 2, 1, Padding.Same)),
        ("average_pooling2d", x => Layers.AveragePooling2d(x, 2, 1, Padding.Same)),
        ("concat", x => Layers.Concat([x, x])),
    ];

    private static string[] LayerNames() => Array.ConvertAll(Layers4D, l => l.Name);

    /// <summary>Two channels on a 3×3 grid, laid out NHWC in memory: its NCHW view is channels-last, not contiguous.</summary>
    private static Tensor NhwcMemoryInput() => arange(0, 18, ScalarType.Float32).reshape(1, 3, 3, 2);

    [TestCaseSource(nameof(LayerNames))]
    public void ALayerGivenNhwcMemory_ReturnsNchwMemory(string name)
    {
        var layer = Array.Find(Layers4D, l => l.Name == name).Layer;
        using var x = NhwcMemoryInput();
        Assume.That(x.permute(ToNchw).is_contiguous(), Is.False);
        bool? contiguous = null;

        new Tracked(input =>
        {
            var output = layer(input);
            contiguous = output.permute(ToNchw).is_contiguous();
            return output;
        }).Call(x);

        Assert.That(contiguous, Is.True);
    }
}
