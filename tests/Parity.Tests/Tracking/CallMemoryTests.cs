using Parity.Compat;
using Parity.Tests.Shared;
using Parity.Tests.Support;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Parity.Tests.Tracking;

[Category("Memory")]
[NonParallelizable]
public class CallMemoryTests
{
    private const int WarmUpCalls = 200;
    private const int Calls = 10_000;

    // Leaked, each call's ~1 MB of intermediates would add about 10 GB over the loop; 64 MB leaves
    // room for allocator and GC noise while staying far below even a 7 KB-per-call leak.
    private const long BoundBytes = 64L * 1024 * 1024;

    [Test]
    public void TenThousandTrackedCalls_DoNotGrowNativeMemory_WithoutTheCallerDisposingAnything()
    {
        // Each call makes ~1 MB of intermediates (several 1x32x32x32 float tensors). The small outputs
        // are left to the caller, who disposes nothing here, and each output's autograd graph pins that
        // call's saved intermediates until it is finalized.
        var model = new Tracked(x =>
        {
            using (VariableScope("net"))
            {
                var h = Layers.Conv2d(x, 32, 3, padding: Padding.Same, activation: t => t.relu());
                h = Layers.BatchNormalization(h);
                h = Layers.Conv2d(h, 32, 3, padding: Padding.Same, activation: t => t.relu());
                h = Layers.MaxPooling2d(h, 32, 32);
                return Layers.Dense(Layers.Flatten(h), 4);
            }
        });
        using var input = ones(1, 32, 32, 8);

        // The allocator, the GC and libtorch's thread pools reach their working size first.
        for (var i = 0; i < WarmUpCalls; i++)
        {
            model.Call(input);
        }

        var before = ResidentMemory.Bytes();
        for (var i = 0; i < Calls; i++)
        {
            model.Call(input);
        }

        var growth = ResidentMemory.Bytes() - before;
        TestContext.Out.WriteLine($"VmRSS growth over {Calls} tracked calls: {growth / 1024} KiB");

        Assert.That(growth, Is.LessThan(BoundBytes), $"VmRSS grew by {growth / (1024 * 1024)} MB over {Calls} calls");
        Assert.That(model.Variables, Has.Count.EqualTo(10));
    }
}
