using System;
using static TorchSharp.torch;

namespace Parity.Checkpoints;

/// <summary>One named value a load assigns: the shape and dtype the stored array must have, and how to assign it.</summary>
/// <param name="Name">The name the stored array is looked up by (before any name map).</param>
/// <param name="Shape">The shape the stored array must have, in the stored layout.</param>
/// <param name="DType">The dtype the stored array must have.</param>
/// <param name="Assign">Copies a checked array into place.</param>
internal sealed record LoadTarget(string Name, long[] Shape, ScalarType DType, Action<Tensor> Assign)
{
    /// <summary>A target stored exactly as it lives in memory.</summary>
    public static LoadTarget Of(string name, Tensor current, Action<Tensor> assign) => new(name, current.shape, current.dtype, assign);
}
