using System;

namespace Parity;

/// <summary>
/// Marks a method that opens a variable scope which is closed by disposing its result
/// (<c>using (VariableScope("block")) { ... }</c>). Scoped layers called inside a named scope get
/// stable names, so they are not reported by PAR1003.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class OpensVariableScopeAttribute : Attribute
{
    /// <summary>Creates the marker; the scope's name is passed through the parameter called <paramref name="nameParameter"/>.</summary>
    /// <param name="nameParameter">Name of the string parameter that names the scope.</param>
    public OpensVariableScopeAttribute(string nameParameter = "name") => NameParameter = nameParameter;

    /// <summary>Name of the string parameter that names the scope.</summary>
    public string NameParameter { get; }
}
