using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

// Random tensors. Every draw uses the given Generator, or libtorch's default one (seeded by
// Torch.ManualSeed) when none is given, so a seeded generator reproduces PyTorch's numbers.
public sealed partial class Tensor
{
    /// <summary>Values drawn uniformly from [low, high).</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="low">Inclusive lower bound.</param>
    /// <param name="high">Exclusive upper bound.</param>
    /// <param name="dtype">A floating-point dtype.</param>
    /// <param name="generator">The generator to draw from; null for the default one.</param>
    /// <returns>A new tensor.</returns>
    public static unsafe Tensor RandUniform(long[] shape, double low = 0, double high = 1, DType dtype = DType.Float32, Generator? generator = null)
    {
        CheckShape(shape);
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_rand_uniform(dims, shape.Length, low, high, (int)dtype, Generator.HandleOf(generator)), generator);
        }
    }

    /// <summary>Values drawn from a normal distribution.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="std">The standard deviation.</param>
    /// <param name="dtype">A floating-point dtype.</param>
    /// <param name="generator">The generator to draw from; null for the default one.</param>
    /// <returns>A new tensor.</returns>
    public static unsafe Tensor RandNormal(long[] shape, double mean = 0, double std = 1, DType dtype = DType.Float32, Generator? generator = null)
    {
        CheckShape(shape);
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_rand_normal(dims, shape.Length, mean, std, (int)dtype, Generator.HandleOf(generator)), generator);
        }
    }

    /// <summary>0/1 draws where element i is 1 with probability probs[i].</summary>
    /// <param name="probs">Probabilities in [0, 1] (floating-point).</param>
    /// <param name="generator">The generator to draw from; null for the default one.</param>
    /// <returns>A new tensor of the dtype and shape of <paramref name="probs"/>.</returns>
    public static Tensor Bernoulli(Tensor probs, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(probs);
        return Wrap(NativeMethods.pt_bernoulli(probs.Handle, Generator.HandleOf(generator)), probs, generator);
    }

    /// <summary>0/1 draws that are 1 with probability <paramref name="p"/>.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="p">The probability of 1.</param>
    /// <param name="dtype">The dtype of the result.</param>
    /// <param name="generator">The generator to draw from; null for the default one.</param>
    /// <returns>A new tensor.</returns>
    public static unsafe Tensor Bernoulli(long[] shape, double p, DType dtype = DType.Float32, Generator? generator = null)
    {
        CheckShape(shape);
        fixed (long* dims = shape)
        {
            return Wrap(NativeMethods.pt_bernoulli_p(dims, shape.Length, p, (int)dtype, Generator.HandleOf(generator)), generator);
        }
    }

    /// <summary>
    /// Inverted dropout: in training, zeroes each element with probability <paramref name="p"/> and
    /// scales the kept ones by 1/(1-p); otherwise returns a copy of <paramref name="x"/>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="p">The drop probability in [0, 1].</param>
    /// <param name="training">Whether to drop (false returns the input values unchanged).</param>
    /// <param name="generator">The generator to draw the mask from; null for the default one.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor Dropout(Tensor x, double p, bool training, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The dropout probability must be in [0, 1].");
        }

        return Wrap(NativeMethods.pt_dropout(x.Handle, p, training ? 1 : 0, Generator.HandleOf(generator)), x, generator);
    }
}
