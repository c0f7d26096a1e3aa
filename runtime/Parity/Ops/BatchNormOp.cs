using System;
using Parity.Torch;

namespace Parity;

/// <summary>
/// TF's batch normalization over the last axis. Training normalizes with the batch statistics and
/// updates <c>moving = moving·momentum + batch·(1 − momentum)</c>. For 4-D float32 input TF takes the
/// fused path, whose moving variance uses the unbiased (Bessel-corrected) batch variance, as libtorch
/// does; TF's fused kernel takes no float64, so float64 input and other ranks take the plain path,
/// whose moving variance uses the biased variance, computed here by hand.
/// </summary>
internal static class BatchNormOp
{
    public static Tensor Apply(Tensor inputs, Tensor? gamma, Tensor? beta, Tensor movingMean, Tensor movingVariance, bool training, double momentum, double epsilon, string layer)
    {
        if (inputs.Rank == 4 && inputs.DType == DType.Float32)
        {
            var nchw = Nhwc.ToNchw(inputs, layer);
            return Nhwc.ToNhwc(nchw.BatchNorm(gamma, beta, movingMean, movingVariance, training, 1.0 - momentum, epsilon));
        }

        if (inputs.Rank < 2)
        {
            throw new ArgumentException($"{layer} expects an input of rank 2 or more with channels last, got shape {ShapeFormat.Format(inputs.Shape)}.");
        }

        Tensor mean;
        Tensor variance;
        if (training)
        {
            var axes = new long[inputs.Rank - 1];
            for (var i = 0; i < axes.Length; i++)
            {
                axes[i] = i;
            }

            mean = inputs.Mean(axes);
            variance = inputs.Sub(mean).Square().Mean(axes);
            using (Torch.Torch.NoGrad())
            {
                movingMean.MulInPlace(momentum);
                movingMean.AddInPlace(mean, 1.0 - momentum);
                movingVariance.MulInPlace(momentum);
                movingVariance.AddInPlace(variance, 1.0 - momentum);
            }
        }
        else
        {
            mean = movingMean;
            variance = movingVariance;
        }

        var output = inputs.Sub(mean).Mul(variance.Add(epsilon).Rsqrt());
        if (gamma is not null)
        {
            output = output.Mul(gamma);
        }

        return beta is null ? output : output.Add(beta);
    }
}
