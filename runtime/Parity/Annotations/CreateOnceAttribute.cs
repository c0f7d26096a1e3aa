using System;

namespace Parity;

/// <summary>
/// Marks a delegate parameter whose delegate runs at most once per name (for example the factory
/// given to <c>GetOrCreateLayer</c>). Creation inside such a delegate is a create-once pattern and
/// is not reported.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class CreateOnceAttribute : Attribute
{
}
