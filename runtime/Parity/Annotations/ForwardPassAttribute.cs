using System;

namespace Parity;

/// <summary>
/// Marks a method as a forward pass: code that runs on every call of a model. Overrides of a marked
/// method are forward passes too. The analyzers look for per-call variable and layer creation here.
/// </summary>
/// <remarks>
/// <c>Module&lt;TIn, TOut&gt;.Forward</c> carries it; put it on your own forward-style methods to opt
/// them into the same checks.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class ForwardPassAttribute : Attribute
{
}
