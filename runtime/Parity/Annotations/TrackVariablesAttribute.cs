using System;

namespace Parity;

/// <summary>
/// Turns a module's forward pass into a place where variable-store APIs work: on the first call the
/// module gets its own variable store, and every later call reuses the variables created then.
/// </summary>
/// <remarks>
/// Put it on an override of <c>Module&lt;TIn, TOut&gt;.Forward</c>. Anywhere else it has no effect
/// (analyzer PAR2002 says so). The attribute alone is enough; no base-class call is needed.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class TrackVariablesAttribute : Attribute
{
}
