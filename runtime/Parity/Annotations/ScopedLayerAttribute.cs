using System;

namespace Parity;

/// <summary>
/// Marks a functional layer whose variables live in the scoped variable store under a name taken
/// from the layer's name argument, or, when that is omitted, from a per-scope counter
/// (<c>dense</c>, <c>dense_1</c>, ...).
/// </summary>
/// <remarks>
/// Unnamed calls outside a named variable scope get a fresh name, and so fresh variables, on every
/// call of the forward pass (analyzer PAR1003). Put it on your own layer helpers to opt them in.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ScopedLayerAttribute : Attribute
{
    /// <summary>Creates the marker; the layer's name is passed through the parameter called <paramref name="nameParameter"/>.</summary>
    /// <param name="nameParameter">Name of the optional string parameter that names the layer.</param>
    public ScopedLayerAttribute(string nameParameter = "name") => NameParameter = nameParameter;

    /// <summary>Name of the optional string parameter that names the layer.</summary>
    public string NameParameter { get; }
}
