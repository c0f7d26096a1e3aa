using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>
/// Whether a custom TorchSharp module's base class registers its components in its own constructor. Then the
/// registration is over before the derived constructor's body runs: <c>RegisterComponents()</c> registers once
/// and ignores later calls, so a component the derived body assigns is never registered (one assigned in a
/// field initializer is, since initializers run before the base constructor).
/// </summary>
internal static class BaseRegistration
{
    /// <summary>
    /// The nearest base class of <paramref name="type"/>, declared in source, whose constructor calls
    /// <c>RegisterComponents()</c>; null when there is none or the bases are only known from metadata.
    /// </summary>
    /// <remarks>
    /// The base's code belongs to another symbol's analysis, which may not have run yet, so its constructors are
    /// read from their syntax: a call named <c>RegisterComponents</c> on the instance itself.
    /// </remarks>
    public static INamedTypeSymbol? FindRegisteringBase(INamedTypeSymbol type, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        for (var current = type.BaseType; current is not null && symbols.IsTorchModule(current); current = current.BaseType)
        {
            foreach (var constructor in current.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>().Any(IsRegisterComponentsOnSelf))
                    {
                        return current;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsRegisterComponentsOnSelf(InvocationExpressionSyntax call) => call.Expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == "RegisterComponents",
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax } access => access.Name.Identifier.ValueText == "RegisterComponents",
        _ => false,
    };
}
