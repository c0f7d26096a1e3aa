using System;
using Parity.Compat;
using Parity.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Layers;

/// <summary><c>slim.dropout</c>.</summary>
public static partial class SlimLayers
{
    /// <summary>
    /// <c>slim.dropout</c>, which takes the probability to <em>keep</em> (default 0.5); active when
    /// <c>is_training</c> (default true, as in slim). It opens a variable scope (<c>Dropout</c>, ...), so
    /// it moves name counters as slim does.
    /// </summary>
    /// <param name="inputs">The input.</param>
    /// <param name="keepProb">Fraction kept; kept values are scaled by 1/keepProb.</param>
    /// <param name="isTraining">Training mode.</param>
    /// <param name="scope">The scope; the first free of <c>Dropout</c>, ... when null.</param>
    /// <returns>The output (the input itself in inference).</returns>
    public static Tensor Dropout(Tensor inputs, double? keepProb = null, bool? isTraining = null, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var args = ArgScope.Resolve(SlimOp.Dropout, new SlimArgs { KeepProb = keepProb, IsTraining = isTraining });
        var keep = args.KeepProb ?? 0.5;
        if (!(keep > 0 && keep <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(keepProb), keep, $"Dropout '{scope ?? "Dropout"}' needs keep_prob in (0, 1]; slim takes the probability to keep, not to drop.");
        }

        LayerScope.Reserve(scope, "Dropout", nameof(Dropout));
        return RandomOps.Dropout(inputs, 1.0 - keep, args.IsTraining ?? true);
    }
}
