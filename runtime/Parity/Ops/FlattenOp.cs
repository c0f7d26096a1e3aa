using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>Flattens everything but the batch axis in the logical (NHWC) order, as TF does.</summary>
internal static class FlattenOp
{
    public static Tensor Apply(Tensor inputs, string layer)
    {
        if (inputs.dim() < 1)
        {
            throw new ArgumentException($"{layer} expects an input with a batch axis, got a scalar.");
        }

        // A batch of scalars gains a feature axis, as TF's Flatten gives (batch, 1). Reshape follows the
        // logical order, so a permuted NHWC view is copied into NHWC order here.
        return inputs.dim() switch
        {
            1 => inputs.reshape(inputs.size(0), 1),
            2 => inputs,
            _ => inputs.reshape(inputs.size(0), Features(inputs)),
        };
    }

    // Spelled out rather than -1, which libtorch cannot resolve for an empty batch.
    private static long Features(Tensor inputs)
    {
        long features = 1;
        for (var i = 1; i < inputs.dim(); i++)
        {
            features *= inputs.size(i);
        }

        return features;
    }
}
