using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// Everything needed to create one variable: what the variable creator chain receives and may
/// inspect, reject or rewrite (for example with a different name or initializer) before passing on.
/// </summary>
/// <param name="Name">Full variable name, scopes included (<c>model/dense/kernel</c>), without a <c>:0</c> suffix.</param>
/// <param name="Shape">Shape of the variable.</param>
/// <param name="DType">Element type of the variable.</param>
/// <param name="Trainable">Whether the variable is trained (and so listed in trainable collections).</param>
/// <param name="Initializer">How the initial value is made; runs only when the chain reaches the end.</param>
/// <param name="Regularizer">The regularizer whose loss the variable contributes, or <see langword="null"/>.</param>
public sealed record VariableCreationArgs(
    string Name,
    long[] Shape,
    ScalarType DType,
    bool Trainable,
    Initializer Initializer,
    Regularizer? Regularizer = null)
{
    /// <summary>The shape written the way error messages and <see cref="Variable.ToString"/> show it: <c>(3, 4)</c>.</summary>
    public string ShapeText => ShapeFormat.Format(Shape);
}
