namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>How the native port's variables relate to the legacy ones, and the regularizer both share.</summary>
public static class NativeNames
{
    /// <summary>Slim's L2 (scale·Σw²/2) with the arg scope's weight decay 0.00004.</summary>
    public static Regularizer WeightDecay { get; } = Regularizers.SlimL2(0.00004);

    /// <summary>Native layers say <c>kernel</c>/<c>bias</c> where slim says <c>weights</c>/<c>biases</c>; everything else is equal.</summary>
    /// <param name="nativeName">A native variable name.</param>
    /// <returns>The legacy name it stands for.</returns>
    public static string ToLegacy(string nativeName) => Slim.SlimVariableNames.ToSlim(nativeName);
}
