using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Parity.Analyzers.Core;

/// <summary>
/// Reads the name argument of calls to <c>[ScopedLayer]</c> and <c>[OpensVariableScope]</c> methods, whose
/// attributes say which parameter carries the name.
/// </summary>
internal static class NameArguments
{
    /// <summary>The name parameter given by <paramref name="marker"/>'s constructor argument, or <c>"name"</c>.</summary>
    public static string NameParameter(AttributeData marker)
        => marker.ConstructorArguments.Length == 1 && marker.ConstructorArguments[0].Value is string name ? name : "name";

    /// <summary>The argument passed for <paramref name="parameterName"/>, or null when the method has no such parameter.</summary>
    public static IArgumentOperation? Find(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="argument"/> gives a value that may be a name (any expression except an omitted argument or a constant null).</summary>
    public static bool IsNamed(IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return false;
        }

        var value = argument.Value;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return !(value.ConstantValue.HasValue && value.ConstantValue.Value is null);
    }
}
