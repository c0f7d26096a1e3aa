using System;

namespace Parity;

/// <summary>
/// Marks a TorchSharp module base class that registers what its instances hold in fields itself:
/// modules, parameters and variables, including those inside arrays, lists and dictionaries. The
/// TorchSharp registration rules (PAR3001, PAR3002, PAR3003), which expect a module to call
/// <c>RegisterComponents()</c> and keep its components in fields, do not apply to classes derived from it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class RegistersComponentsAttribute : Attribute
{
}
