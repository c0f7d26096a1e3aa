using System;
using System.Linq;
using Parity.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.ModelMapping.Migration;

/// <summary>
/// The guide's check for every migration stage: under a num-random-ops random tool, draw the input
/// and run the model once; a faithful stage gives the same output and regularization loss as the
/// stage before, because it makes the same random draws in the same order.
/// </summary>
public static class MigrationCheck
{
    /// <summary>Runs <paramref name="model"/> on a random (10, 5, 5, 5) input under a fresh num-random-ops tool.</summary>
    /// <param name="model">A freshly made model (its variables are created by this call).</param>
    /// <returns>The output and the summed regularization loss; the caller owns both.</returns>
    public static (Tensor Output, Tensor RegularizationLoss) Run(Module<Tensor, Tensor> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            var input = RandomOps.Normal([10, 5, 5, 5], 0.0, 1.0);
            var output = model.Call(input);
            var losses = model.Losses;
            var total = losses.Skip(1).Aggregate(losses[0], (sum, loss) => sum + loss);
            return (output, total);
        }
    }

    /// <summary>
    /// The last stage's check: <paramref name="previous"/> runs as in <see cref="Run"/>, its variables are
    /// copied into <paramref name="native"/> through the weight map, and the native model runs on the same
    /// input in NCHW. A faithful port gives the same output and regularization loss.
    /// </summary>
    /// <param name="native">The TorchSharp model.</param>
    /// <param name="previous">A freshly made previous stage.</param>
    /// <returns>The native output and regularization loss; the caller owns both.</returns>
    public static (Tensor Output, Tensor RegularizationLoss) RunNative(FullyNativeModel native, Module<Tensor, Tensor> previous)
    {
        ArgumentNullException.ThrowIfNull(native);
        Run(previous);
        native.TfWeightMap().Load(previous.Variables);
        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            // The same first draw as in Run: NHWC, turned into the NCHW the native model takes.
            var input = RandomOps.Normal([10, 5, 5, 5], 0.0, 1.0).permute(0, 3, 1, 2).contiguous();
            using var noGrad = torch.no_grad();
            return (native.call(input), native.RegularizationLoss());
        }
    }
}
