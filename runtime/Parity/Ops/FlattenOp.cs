using System;
using Parity.Torch;

namespace Parity;

/// <summary>Flattens everything but the batch axis in the logical (NHWC) order, as TF does.</summary>
internal static class FlattenOp
{
    public static Tensor Apply(Tensor inputs, string layer)
    {
        if (inputs.Rank < 1)
        {
            throw new ArgumentException($"{layer} expects an input with a batch axis, got a scalar.");
        }

        // A batch of scalars gains a feature axis, as TF's Flatten gives (batch, 1). Reshape follows the
        // logical order, so a permuted NHWC view is copied into NHWC order here.
        return inputs.Rank switch
        {
            1 => inputs.Reshape(inputs.Size(0), 1),
            2 => inputs,
            _ => inputs.Reshape(inputs.Size(0), -1),
        };
    }
}
