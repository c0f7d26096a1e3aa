using Parity.Compat;
using Parity.Tests.Support;
using Parity.Tests.Shared;
using Parity.Torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Tests.Tracking;

[Category("Memory")]
[NonParallelizable]
public class CallMemoryTests
{
    private const long BoundBytes = 50L * 1024 * 1024;

    [Test]
    public void ThousandsOfTrackedCalls_DoNotGrowNativeMemory_WithoutTheCallerDisposingAnything()
    {
        // Each call makes ~1 MB of intermediates (several 1x32x32x32 float tensors); leaked, 3000 calls
        // would add gigabytes. The small outputs are left to the caller, who disposes nothing here, and
        // each output's autograd graph pins that call's saved intermediates until it is finalized.
        var model = new Tracked(x =>
        {
            using (VariableScope("net"))
            {
                var h = Layers.Conv2d(x, 32, 3, padding: Padding.Same, activation: t => t.Relu());
                h = Layers.BatchNormalization(h);
                h = Layers.Conv2d(h, 32, 3, padding: Padding.Same, activation: t => t.Relu());
                h = Layers.MaxPooling2d(h, 32, 32);
                return Layers.Dense(Layers.Flatten(h), 4);
            }
        });
        using var input = Tensor.Ones([1, 32, 32, 8]);
        for (var i = 0; i < 100; i++)
        {
            model.Call(input);
        }

        var before = ResidentMemory.Bytes();
        for (var i = 0; i < 3000; i++)
        {
            model.Call(input);
        }

        var growth = ResidentMemory.Bytes() - before;
        TestContext.Out.WriteLine($"VmRSS growth over 3000 tracked calls: {growth / 1024} KiB");

        Assert.That(growth, Is.LessThan(BoundBytes), $"VmRSS grew by {growth / (1024 * 1024)} MB over 3000 calls");
        Assert.That(model.Variables, Has.Count.EqualTo(10));
    }
}
