using Parity;

namespace Parity.Samples.Tests;

/// <summary>
/// libtorch warns once per convolution that NNPACK does not support this CPU; over a test run that is
/// tens of thousands of lines burying the results. Errors still print.
/// </summary>
[SetUpFixture]
public sealed class QuietLibTorch
{
    [OneTimeSetUp]
    public void OnlyErrors() => LibTorchLog.MinimumLevel = LibTorchLogLevel.Error;
}
