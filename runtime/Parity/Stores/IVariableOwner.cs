using TorchSharp;

namespace Parity;

/// <summary>The module a tracked store registers what it creates on.</summary>
internal interface IVariableOwner
{
    /// <summary>Registers a variable the store just created: a parameter when trainable, else a buffer.</summary>
    /// <param name="variable">The new variable.</param>
    void Register(Variable variable);

    /// <summary>Registers a layer the store just kept for <c>GetOrCreateLayer</c>.</summary>
    /// <param name="key">The layer's scoped name.</param>
    /// <param name="layer">The layer.</param>
    void RegisterLayer(string key, torch.nn.Module layer);
}
