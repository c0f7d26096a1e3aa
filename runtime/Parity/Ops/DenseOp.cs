using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary><c>activation(inputs · kernel + bias)</c> over the last axis, with a kernel of shape (in, units).</summary>
internal static class DenseOp
{
    public static long InputUnits(Tensor inputs, string layer) =>
        inputs.dim() >= 2
            ? inputs.size(-1)
            : throw new ArgumentException($"{layer} expects an input of rank 2 or more (batch, ..., features), got shape {ShapeFormat.Format(inputs.shape)}.");

    public static Tensor Apply(Tensor inputs, Tensor kernel, Tensor? bias, Func<Tensor, Tensor>? activation, string layer)
    {
        CheckOperands(inputs, kernel, bias, layer);
        var output = inputs.matmul(kernel);
        if (bias is not null)
        {
            using var product = output;
            output = product + bias;
        }

        return activation is null ? output : activation(output);
    }

    /// <summary>
    /// libtorch's matmul aborts the whole process on mismatched operands instead of throwing, so every
    /// mismatch is caught here first.
    /// </summary>
    private static void CheckOperands(Tensor inputs, Tensor kernel, Tensor? bias, string layer)
    {
        var inputUnits = InputUnits(inputs, layer);
        if (kernel.dim() != 2)
        {
            throw new ArgumentException($"{layer} needs a 2-D kernel (in, units), got shape {ShapeFormat.Format(kernel.shape)}.");
        }

        if (kernel.size(0) != inputUnits)
        {
            throw new ArgumentException(
                $"{layer} has a kernel for {kernel.size(0)} input features (shape {ShapeFormat.Format(kernel.shape)}) but got an input with {inputUnits} on its last axis (shape {ShapeFormat.Format(inputs.shape)}). Feed it inputs with the size it was built for, or use a separate layer.");
        }

        if (kernel.dtype != inputs.dtype)
        {
            throw new ArgumentException(
                $"{layer} has a {DTypeNames.Of(kernel.dtype)} kernel but got a {DTypeNames.Of(inputs.dtype)} input. Convert the input with to_type(ScalarType.{kernel.dtype}), or use a separate layer for {DTypeNames.Of(inputs.dtype)} inputs.");
        }

        if (bias is not null && (bias.dim() != 1 || bias.size(0) != kernel.size(1) || bias.dtype != kernel.dtype))
        {
            throw new ArgumentException(
                $"{layer} has a bias of shape {ShapeFormat.Format(bias.shape)} {DTypeNames.Of(bias.dtype)}, which does not match its kernel {ShapeFormat.Format(kernel.shape)} {DTypeNames.Of(kernel.dtype)}; the bias needs one value per unit.");
        }
    }
}
