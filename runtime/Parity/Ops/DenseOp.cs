using System;
using Parity.Torch;

namespace Parity;

/// <summary><c>activation(inputs · kernel + bias)</c> over the last axis, with a kernel of shape (in, units).</summary>
internal static class DenseOp
{
    public static long InputUnits(Tensor inputs, string layer) =>
        inputs.Rank >= 2
            ? inputs.Size(-1)
            : throw new ArgumentException($"{layer} expects an input of rank 2 or more (batch, ..., features), got shape {ShapeFormat.Format(inputs.Shape)}.");

    public static Tensor Apply(Tensor inputs, Tensor kernel, Tensor? bias, Func<Tensor, Tensor>? activation)
    {
        var output = inputs.MatMul(kernel);
        if (bias is not null)
        {
            output = output.Add(bias);
        }

        return activation is null ? output : activation(output);
    }
}
