using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>
/// The name an invocation calls, read from syntax alone: the filter that lets a rule about a few method
/// names skip the semantic model for every other call.
/// </summary>
internal static class InvokedNames
{
    /// <summary>
    /// The simple name of the method <paramref name="invocation"/> calls (<c>Forward</c> in <c>m.Forward(x)</c>,
    /// <c>m?.Forward(x)</c>, <c>Forward(x)</c> and <c>Forward&lt;T&gt;(x)</c>), or null when the callee is not
    /// named (a delegate returned by another expression).
    /// </summary>
    public static string? Of(InvocationExpressionSyntax invocation)
    {
        var callee = invocation.Expression;
        while (callee is ParenthesizedExpressionSyntax parenthesized)
        {
            callee = parenthesized.Expression;
        }

        return callee switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };
    }
}
