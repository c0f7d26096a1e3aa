using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>What TorchSharp's <c>RegisterComponents()</c> treats as a component of a custom module.</summary>
internal static class TorchSharpComponents
{
    /// <summary>True for a class deriving from <c>torch.nn.Module</c> (not the TorchSharp base itself).</summary>
    public static bool IsCustomModule(INamedTypeSymbol type, KnownSymbols symbols)
        => type.TypeKind == TypeKind.Class && symbols.IsTorchModule(type.BaseType);

    /// <summary>True for a submodule or a parameter: what must be registered for training to see it.</summary>
    public static bool IsModuleOrParameter(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchModule(type) || symbols.IsTorchParameter(type);

    /// <summary>True for anything <c>RegisterComponents()</c> registers from a field: submodules, parameters and tensors (buffers).</summary>
    public static bool IsComponent(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchModule(type) || symbols.IsTorchTensor(type);

    /// <summary>"submodule" or "parameter", for messages.</summary>
    public static string Kind(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchParameter(type) ? "parameter" : "submodule";

    /// <summary>The names of the TorchSharp methods that register components.</summary>
    public static ImmutableHashSet<string> RegistrationNames { get; } = ImmutableHashSet.Create("RegisterComponents", "register_module", "register_parameter", "register_buffer");

    /// <summary>
    /// True when the invocation in <paramref name="context"/> calls a TorchSharp module method named one of
    /// <paramref name="names"/>. The name is read from syntax first, so other calls never reach the
    /// semantic model.
    /// </summary>
    public static bool CallsOneOf(SyntaxNodeAnalysisContext context, ImmutableHashSet<string> names, KnownSymbols symbols)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        return InvokedNames.Of(invocation) is { } name
            && names.Contains(name)
            && context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method
            && names.Contains(method.Name)
            && symbols.IsTorchModule(method.ContainingType);
    }
}
