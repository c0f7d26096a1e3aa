using Parity.Tests.Support;
using Parity.Torch;

namespace Parity.Tests.NativeLayers;

/// <summary>Native layers share the compat layers' NHWC boundary: an NHWC-memory input still yields NCHW memory.</summary>
public class NativeLayerMemoryFormatTests
{
    private static readonly long[] ToNchw = [0, 3, 1, 2];

    [Test]
    public void Conv2DGivenNhwcMemory_ReturnsNchwMemory()
    {
        var conv = new Nn.Conv2D(3, 2, padding: Padding.Same);
        using var x = Tensor.Arange(0, 18).Reshape(1, 3, 3, 2);
        Assume.That(x.Permute(ToNchw).IsContiguous, Is.False);

        var output = new Untracked(input => conv.Call(input)).Call(x);

        Assert.That(output.Permute(ToNchw).IsContiguous, Is.True);
    }
}
