using System;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

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
        if (inputs.dim() < 2)
        {
            throw new ArgumentException($"{layer} expects an input of rank 2 or more with channels last, got shape {ShapeFormat.Format(inputs.shape)}.");
        }

        CheckParameters(inputs, gamma, beta, movingMean, movingVariance, layer);
        if (inputs.dim() == 4 && inputs.dtype == ScalarType.Float32 && !(training && CellsPerChannel(inputs) == 1))
        {
            using var nchw = Nhwc.ToNchw(inputs, layer);
            try
            {
                using var output = nn.functional.batch_norm(nchw, movingMean, movingVariance, gamma, beta, training, 1.0 - momentum, epsilon);
                return Nhwc.ToNhwc(output);
            }
            catch (ExternalException error)
            {
                throw LibTorchErrors.ForLayer(layer, error);
            }
        }

        // With one cell per channel libtorch's unbiased variance divides by zero and leaves the
        // moving variance NaN; TF's fused kernel corrects by n/max(n−1, 1), that is not at all, which
        // is what the plain path computes.
        return Plain(inputs, gamma, beta, movingMean, movingVariance, training, momentum, epsilon);
    }

    private static Tensor Plain(Tensor inputs, Tensor? gamma, Tensor? beta, Tensor movingMean, Tensor movingVariance, bool training, double momentum, double epsilon)
    {
        Tensor mean;
        Tensor variance;
        if (training)
        {
            var axes = new long[inputs.dim() - 1];
            for (var i = 0; i < axes.Length; i++)
            {
                axes[i] = i;
            }

            mean = inputs.mean(axes);
            using (var centred = inputs - mean)
            using (var squares = centred.square())
            {
                variance = squares.mean(axes);
            }

            using (torch.no_grad())
            {
                movingMean.mul_(momentum).add_(mean, 1.0 - momentum);
                movingVariance.mul_(momentum).add_(variance, 1.0 - momentum);
            }
        }
        else
        {
            mean = movingMean;
            variance = movingVariance;
        }

        using var shifted = inputs - mean;
        using var denominator = variance + epsilon;
        using var scale = denominator.rsqrt();
        var output = shifted * scale;
        if (training)
        {
            mean.Dispose();
            variance.Dispose();
        }

        if (gamma is not null)
        {
            using var normalized = output;
            output = normalized * gamma;
        }

        if (beta is not null)
        {
            using var scaled = output;
            output = scaled + beta;
        }

        return output;
    }

    private static long CellsPerChannel(Tensor inputs)
    {
        long cells = 1;
        for (var i = 0; i < inputs.dim() - 1; i++)
        {
            cells *= inputs.size(i);
        }

        return cells;
    }

    /// <summary>Every per-channel tensor must have one value per channel, in the input's dtype.</summary>
    private static void CheckParameters(Tensor inputs, Tensor? gamma, Tensor? beta, Tensor movingMean, Tensor movingVariance, string layer)
    {
        var channels = inputs.size(-1);
        Check(gamma, "gamma");
        Check(beta, "beta");
        Check(movingMean, "moving_mean");
        Check(movingVariance, "moving_variance");

        void Check(Tensor? parameter, string name)
        {
            if (parameter is null)
            {
                return;
            }

            if (parameter.dim() != 1 || parameter.size(0) != channels)
            {
                throw new ArgumentException(
                    $"{layer} has {name} of shape {ShapeFormat.Format(parameter.shape)} but got an input with {channels} channels (shape {ShapeFormat.Format(inputs.shape)}). Feed it inputs with the channel count it was built for, or use a separate layer.");
            }

            if (parameter.dtype != inputs.dtype)
            {
                throw new ArgumentException(
                    $"{layer} has a {DTypeNames.Of(parameter.dtype)} {name} but got a {DTypeNames.Of(inputs.dtype)} input. Convert the input with to_type(ScalarType.{parameter.dtype}), or use a separate layer for {DTypeNames.Of(inputs.dtype)} inputs.");
            }
        }
    }
}
