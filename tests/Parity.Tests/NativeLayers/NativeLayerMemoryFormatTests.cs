using Parity.Tests.Support;
using static TorchSharp.torch;

namespace Parity.Tests.NativeLayers;

/// <summary>Native layers share the compat layers' NHWC boundary: an NHWC-memory input still yields NCHW memory.</summary>
public class NativeLayerMemoryFormatTests
{
    private static readonly long[] ToNchw = [0, 3, 1, 2];

    [Test]
    public void Conv2DGivenNhwcMemory_ReturnsNchwMemory()
    {
        var conv = new Nn.Conv2D(3, 2, padding: Padding.Same);
        using var x = arange(0, 18, ScalarType.Float32).reshape(1, 3, 3, 2);
        Assume.That(x.permute(ToNchw).is_contiguous(), Is.False);

        var output = new Untracked(input => conv.Call(input)).Call(x);

        Assert.That(output.permute(ToNchw).is_contiguous(), Is.True);
    }
}
