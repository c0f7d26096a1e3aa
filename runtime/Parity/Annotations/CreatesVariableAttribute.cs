using System;

namespace Parity;

/// <summary>
/// Marks a constructor or method that creates a new variable every time it runs (as opposed to
/// get-or-create). Called from a forward pass without a create-once guard it is analyzer PAR1001.
/// </summary>
[AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CreatesVariableAttribute : Attribute
{
}
