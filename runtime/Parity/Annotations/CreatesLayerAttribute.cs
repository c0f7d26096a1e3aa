using System;

namespace Parity;

/// <summary>
/// Marks a class whose construction creates a new layer with its own weights (the attribute applies
/// to every derived class), or a factory method that returns such a layer. Done in a forward pass
/// without a create-once guard it is analyzer PAR1002.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class CreatesLayerAttribute : Attribute
{
}
