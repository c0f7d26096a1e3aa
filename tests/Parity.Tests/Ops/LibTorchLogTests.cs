using System;

namespace Parity.Tests.Ops;

/// <summary>Setting libtorch's log level reaches the flag libtorch reads, and a bad level is refused.</summary>
[NonParallelizable]
public class LibTorchLogTests
{
    [Test]
    public void TheLevelSet_IsTheLevelLibTorchHolds_AndTheDefaultIsWarning()
    {
        var before = LibTorchLog.MinimumLevel;
        try
        {
            Assert.That(before, Is.EqualTo(LibTorchLogLevel.Warning), "libtorch's default");
            LibTorchLog.MinimumLevel = LibTorchLogLevel.Error;
            Assert.That(LibTorchLog.MinimumLevel, Is.EqualTo(LibTorchLogLevel.Error));
        }
        finally
        {
            LibTorchLog.MinimumLevel = before;
        }
    }

    [Test]
    public void AnUndefinedLevel_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LibTorchLog.MinimumLevel = (LibTorchLogLevel)7);
    }
}
