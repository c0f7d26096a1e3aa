using System;
using Parity.Tests.Shared;
using Parity.Torch;

namespace Parity.Torch.Tests.Memory;

/// <summary>
/// 10,000 iterations of conv + batch norm + relu on 1x32x35x35 (an Inception-ResNet block's size):
/// with dispose scopes RSS must stay flat; without them the finalizers must keep it bounded.
/// </summary>
[Category("Memory")]
[NonParallelizable]
public sealed class ConvBnReluLoopTests
{
    private const int Iterations = 10_000;
    private const int WarmUp = 200;

    // Measured on the reference machine (2 cores, .NET 10): the unscoped loop peaks 0-11 MB above
    // its warm-up value because every unscoped tensor reports its native size to the GC. 10,000
    // leaked iterations would hold ~4.5 GB (measured 6.2 GB before the GC was told), so 200 MB
    // still catches a leak while leaving room for collection timing.
    private const long UnscopedBoundMegabytes = 200;

    private Tensor _input = null!;
    private Tensor _weight = null!;
    private Tensor _bias = null!;
    private Tensor _gamma = null!;
    private Tensor _beta = null!;
    private Tensor _mean = null!;
    private Tensor _var = null!;

    [OneTimeSetUp]
    public void CreateParameters()
    {
        using var generator = new Generator(7);
        _input = Tensor.RandNormal([1, 32, 35, 35], generator: generator);
        _weight = Tensor.RandNormal([32, 32, 3, 3], std: 0.05, generator: generator);
        _bias = Tensor.Zeros([32]);
        _gamma = Tensor.Ones([32]);
        _beta = Tensor.Zeros([32]);
        _mean = Tensor.Zeros([32]);
        _var = Tensor.Ones([32]);
    }

    [OneTimeTearDown]
    public void DisposeParameters()
    {
        _input.Dispose();
        _weight.Dispose();
        _bias.Dispose();
        _gamma.Dispose();
        _beta.Dispose();
        _mean.Dispose();
        _var.Dispose();
    }

    [Test]
    public void WithDisposeScopesResidentMemoryStaysWithin50MegabytesOfWarmUp()
    {
        for (var i = 0; i < WarmUp; i++)
        {
            using var scope = Torch.NewDisposeScope();
            Step();
        }

        var baseline = ResidentMemory.Megabytes();
        var peak = baseline;
        for (var i = 0; i < Iterations; i++)
        {
            using (var scope = Torch.NewDisposeScope())
            {
                Step();
            }

            if (i % 500 == 0)
            {
                peak = Math.Max(peak, ResidentMemory.Megabytes());
            }
        }

        var final = ResidentMemory.Megabytes();
        TestContext.Out.WriteLine($"scoped: baseline {baseline} MB, peak {peak} MB, final {final} MB");
        Assert.That(Math.Max(peak, final), Is.LessThanOrEqualTo(baseline + 50));
    }

    [Test]
    public void WithoutScopesFinalizersKeepResidentMemoryBounded()
    {
        for (var i = 0; i < WarmUp; i++)
        {
            Step();
        }

        var baseline = ResidentMemory.Megabytes();
        var peak = baseline;
        for (var i = 0; i < Iterations; i++)
        {
            Step();
            if (i % 100 == 0)
            {
                peak = Math.Max(peak, ResidentMemory.Megabytes());
            }
        }

        TestContext.Out.WriteLine($"unscoped: baseline {baseline} MB, peak {peak} MB");
        Assert.That(peak, Is.LessThanOrEqualTo(baseline + UnscopedBoundMegabytes));
    }

    private void Step()
    {
        var conv = _input.Conv2d(_weight, _bias, padding: (1, 1, 1, 1));
        var normalized = conv.BatchNorm(_gamma, _beta, _mean, _var, training: false);
        normalized.Relu();
    }
}
