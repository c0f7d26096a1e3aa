using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Nn;

/// <summary>Flattens all but the batch axis in TF's (NHWC) element order.</summary>
/// <param name="name">Layer name (default <c>flatten</c>).</param>
public sealed class Flatten(string? name = null) : Layer(name, "flatten")
{
    private protected override Tensor Compute(Tensor input) => FlattenOp.Apply(input, nameof(Flatten));
}
