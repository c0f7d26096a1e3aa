using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>An invocation or object creation and the name it calls or creates (null when syntax does not say).</summary>
internal readonly struct CallSite
{
    /// <summary>Creates a call site.</summary>
    public CallSite(ExpressionSyntax node, string? name)
    {
        Node = node;
        Name = name;
    }

    /// <summary>The invocation or creation expression.</summary>
    public ExpressionSyntax Node { get; }

    /// <summary>The method or type name it uses; null for <c>new(...)</c> and calls of computed delegates.</summary>
    public string? Name { get; }

    /// <summary>True for <c>new T(...)</c> and <c>new(...)</c>.</summary>
    public bool IsCreation => Node is BaseObjectCreationExpressionSyntax;
}
