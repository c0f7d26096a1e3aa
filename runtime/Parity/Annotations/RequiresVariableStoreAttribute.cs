using System;

namespace Parity;

/// <summary>
/// Marks an API that reads or writes the scoped variable store. It works inside a forward pass marked
/// <see cref="TrackVariablesAttribute"/> or inside a legacy graph; used in a forward pass that is not
/// tracked it is analyzer PAR2001.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false, AllowMultiple = false)]
public sealed class RequiresVariableStoreAttribute : Attribute
{
}
