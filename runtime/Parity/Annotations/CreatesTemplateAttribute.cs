using System;

namespace Parity;

/// <summary>
/// Marks a method that makes a variable-sharing template. A template must be made once and called
/// many times; making it in a forward pass is analyzer PAR1004.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CreatesTemplateAttribute : Attribute
{
}
