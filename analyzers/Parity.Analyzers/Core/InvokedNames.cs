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

    /// <summary>
    /// The invocation whose callee <paramref name="name"/> names (the converse of <see cref="Of"/>): <c>Forward</c>
    /// in <c>m.Forward(x)</c>, <c>m?.Forward(x)</c>, <c>(m.Forward)(x)</c> and <c>Forward&lt;T&gt;(x)</c>; null when the
    /// name stands anywhere else.
    /// </summary>
    public static InvocationExpressionSyntax? InvocationCalling(SimpleNameSyntax name)
    {
        ExpressionSyntax callee = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access,
            MemberBindingExpressionSyntax binding when binding.Name == name => binding,
            _ => name,
        };
        while (callee.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            callee = parenthesized;
        }

        return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
    }
}
