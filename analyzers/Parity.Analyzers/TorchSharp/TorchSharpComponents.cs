using Microsoft.CodeAnalysis;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>What TorchSharp's <c>RegisterComponents()</c> treats as a component of a custom module.</summary>
internal static class TorchSharpComponents
{
    /// <summary>
    /// True for a class deriving from <c>torch.nn.Module</c> (not the TorchSharp base itself) that
    /// registers its components the TorchSharp way; Parity modules register theirs at the first call.
    /// </summary>
    public static bool IsCustomModule(INamedTypeSymbol type, KnownSymbols symbols)
        => type.TypeKind == TypeKind.Class && symbols.IsTorchModule(type.BaseType) && !symbols.RegistersOwnComponents(type);

    /// <summary>True for a submodule or a parameter: what must be registered for training to see it.</summary>
    public static bool IsModuleOrParameter(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchModule(type) || symbols.IsTorchParameter(type);

    /// <summary>True for anything <c>RegisterComponents()</c> registers from a field: submodules, parameters and tensors (buffers).</summary>
    public static bool IsComponent(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchModule(type) || symbols.IsTorchTensor(type);

    /// <summary>"submodule" or "parameter", for messages.</summary>
    public static string Kind(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchParameter(type) ? "parameter" : "submodule";
}
