namespace Parity.Tests.Mapping;

/// <summary>
/// TF's layer arithmetic written out as loops over TF-layout arrays (NHWC activations, HWIO / HWCM
/// kernels, <c>[in, out]</c> dense kernels): the oracle the weight-map tests hold TorchSharp's
/// layers to, sharing no code with the layout conversion under test.
/// </summary>
internal static class TfConventions
{
    /// <summary>A VALID, stride-1 convolution of one NHWC image with an HWIO kernel.</summary>
    public static float[,,] Conv(float[,,] image, float[,,,] kernel, float[] bias)
    {
        int kh = kernel.GetLength(0), kw = kernel.GetLength(1), cin = kernel.GetLength(2), cout = kernel.GetLength(3);
        int oh = image.GetLength(0) - kh + 1, ow = image.GetLength(1) - kw + 1;
        var output = new float[oh, ow, cout];
        for (var y = 0; y < oh; y++)
        {
            for (var x = 0; x < ow; x++)
            {
                for (var o = 0; o < cout; o++)
                {
                    var sum = bias[o];
                    for (var i = 0; i < kh; i++)
                    {
                        for (var j = 0; j < kw; j++)
                        {
                            for (var c = 0; c < cin; c++)
                            {
                                sum += image[y + i, x + j, c] * kernel[i, j, c, o];
                            }
                        }
                    }

                    output[y, x, o] = sum;
                }
            }
        }

        return output;
    }

    /// <summary>A VALID, stride-1 depthwise convolution with an HWCM kernel: output channel <c>c·M + m</c>.</summary>
    public static float[,,] Depthwise(float[,,] image, float[,,,] kernel)
    {
        int kh = kernel.GetLength(0), kw = kernel.GetLength(1), channels = kernel.GetLength(2), multiplier = kernel.GetLength(3);
        int oh = image.GetLength(0) - kh + 1, ow = image.GetLength(1) - kw + 1;
        var output = new float[oh, ow, channels * multiplier];
        for (var y = 0; y < oh; y++)
        {
            for (var x = 0; x < ow; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    for (var m = 0; m < multiplier; m++)
                    {
                        var sum = 0f;
                        for (var i = 0; i < kh; i++)
                        {
                            for (var j = 0; j < kw; j++)
                            {
                                sum += image[y + i, x + j, c] * kernel[i, j, c, m];
                            }
                        }

                        output[y, x, (c * multiplier) + m] = sum;
                    }
                }
            }
        }

        return output;
    }

    /// <summary><c>x·K + b</c> with a TF dense kernel <c>K</c> of shape <c>[in, out]</c>.</summary>
    public static float[] Dense(float[] input, float[,] kernel, float[] bias)
    {
        var output = (float[])bias.Clone();
        for (var o = 0; o < output.Length; o++)
        {
            for (var i = 0; i < input.Length; i++)
            {
                output[o] += input[i] * kernel[i, o];
            }
        }

        return output;
    }
}
