using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>The check every random initializer makes before drawing.</summary>
internal static class RandomDTypes
{
    public static ScalarType Check(ScalarType dtype, Initializer initializer) =>
        DTypeNames.IsFloating(dtype)
            ? dtype
            : throw new ArgumentException(
                $"Initializer {initializer} draws random floating-point values and cannot make a {DTypeNames.Of(dtype)} variable. Use a float32/float64 variable or a constant initializer.");
}
