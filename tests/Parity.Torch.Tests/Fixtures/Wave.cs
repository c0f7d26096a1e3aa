using System;
using Parity.Torch;

namespace Parity.Torch.Tests.Fixtures;

/// <summary>
/// The deterministic inputs of generate.py: offset + scale * sin(0.37 * i + phase) over the flat
/// index, computed in double and rounded to the dtype, exactly as the Python side does.
/// </summary>
internal static class Wave
{
    public static Tensor Of(long[] shape, double phase, double scale = 1, double offset = 0, DType dtype = DType.Float32)
    {
        long count = 1;
        foreach (var size in shape)
        {
            count *= size;
        }

        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = offset + (scale * Math.Sin((0.37 * i) + phase));
        }

        if (dtype == DType.Float64)
        {
            return Tensor.FromArray(values, shape);
        }

        return Tensor.FromArray(Array.ConvertAll(values, v => (float)v), shape);
    }
}
