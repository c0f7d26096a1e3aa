using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Core;

/// <summary>
/// The marker attributes and TorchSharp types a compilation can see, resolved once per compilation
/// and shared by every Parity analyzer.
/// </summary>
/// <remarks>
/// Parity's own API is recognised only through the marker attributes in <c>Parity.Annotations</c>, so a
/// user's helper opts in by carrying one. TorchSharp cannot carry them, so it is recognised by its
/// metadata names.
/// </remarks>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols>.CreateValueCallback Factory = Build;

    private KnownSymbols(Compilation compilation)
    {
        var parity = new MetadataTypes(compilation, "Parity");
        var torchSharp = new MetadataTypes(compilation, "TorchSharp");
        ForwardPass = parity.Get("Parity.ForwardPassAttribute");
        TrackVariables = parity.Get("Parity.TrackVariablesAttribute");
        CreatesVariable = parity.Get("Parity.CreatesVariableAttribute");
        CreatesLayer = parity.Get("Parity.CreatesLayerAttribute");
        ScopedLayer = parity.Get("Parity.ScopedLayerAttribute");
        OpensVariableScope = parity.Get("Parity.OpensVariableScopeAttribute");
        CreatesTemplate = parity.Get("Parity.CreatesTemplateAttribute");
        CreateOnce = parity.Get("Parity.CreateOnceAttribute");
        RequiresVariableStore = parity.Get("Parity.RequiresVariableStoreAttribute");
        RegistersComponents = parity.Get("Parity.RegistersComponentsAttribute");
        TorchModule = torchSharp.Get("TorchSharp.torch+nn+Module");
        TorchNn = torchSharp.Get("TorchSharp.torch+nn");
        TorchTensor = torchSharp.Get("TorchSharp.torch+Tensor");
        TorchParameter = torchSharp.Get("TorchSharp.Modules.Parameter");
    }

    /// <summary><c>Parity.ForwardPassAttribute</c>, or null when the compilation cannot see Parity.</summary>
    public INamedTypeSymbol? ForwardPass { get; }

    /// <summary><c>Parity.TrackVariablesAttribute</c>.</summary>
    public INamedTypeSymbol? TrackVariables { get; }

    /// <summary><c>Parity.CreatesVariableAttribute</c>.</summary>
    public INamedTypeSymbol? CreatesVariable { get; }

    /// <summary><c>Parity.CreatesLayerAttribute</c>.</summary>
    public INamedTypeSymbol? CreatesLayer { get; }

    /// <summary><c>Parity.ScopedLayerAttribute</c>.</summary>
    public INamedTypeSymbol? ScopedLayer { get; }

    /// <summary><c>Parity.OpensVariableScopeAttribute</c>.</summary>
    public INamedTypeSymbol? OpensVariableScope { get; }

    /// <summary><c>Parity.CreatesTemplateAttribute</c>.</summary>
    public INamedTypeSymbol? CreatesTemplate { get; }

    /// <summary><c>Parity.CreateOnceAttribute</c>.</summary>
    public INamedTypeSymbol? CreateOnce { get; }

    /// <summary><c>Parity.RequiresVariableStoreAttribute</c>.</summary>
    public INamedTypeSymbol? RequiresVariableStore { get; }

    /// <summary><c>Parity.RegistersComponentsAttribute</c>: on Parity's module base, which registers fields itself.</summary>
    public INamedTypeSymbol? RegistersComponents { get; }

    /// <summary><c>TorchSharp.torch+nn+Module</c>, the base of every TorchSharp module.</summary>
    public INamedTypeSymbol? TorchModule { get; }

    /// <summary><c>TorchSharp.torch+nn</c>, the static class holding the module factories.</summary>
    public INamedTypeSymbol? TorchNn { get; }

    /// <summary><c>TorchSharp.torch+Tensor</c>.</summary>
    public INamedTypeSymbol? TorchTensor { get; }

    /// <summary><c>TorchSharp.Modules.Parameter</c>.</summary>
    public INamedTypeSymbol? TorchParameter { get; }

    /// <summary>True when the compilation sees Parity's marker attributes.</summary>
    public bool HasParity => ForwardPass is not null;

    /// <summary>True when the compilation sees TorchSharp's module type.</summary>
    public bool HasTorchSharp => TorchModule is not null;

    /// <summary>
    /// The symbols of <paramref name="compilation"/>, or null when it sees neither Parity nor TorchSharp
    /// (then no Parity analyzer has anything to do).
    /// </summary>
    public static KnownSymbols? Get(Compilation compilation)
    {
        var symbols = Cache.GetValue(compilation, Factory);
        return symbols.HasParity || symbols.HasTorchSharp ? symbols : null;
    }

    private static KnownSymbols Build(Compilation compilation) => new(compilation);

    /// <summary>True when <paramref name="symbol"/> carries <paramref name="attribute"/> directly.</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
        => FindAttribute(symbol, attribute) is not null;

    /// <summary>The application of <paramref name="attribute"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="method"/> is a forward pass: it or a method it overrides carries
    /// <c>[ForwardPass]</c>, or it is a TorchSharp module's <c>forward</c>.
    /// </summary>
    public bool IsForwardPass(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        if (ForwardPass is not null && OverridesForwardPassMarker(method, includeSelf: true))
        {
            return true;
        }

        return TorchModule is not null && method.Name == "forward" && !method.IsStatic && IsTorchModule(method.ContainingType);
    }

    /// <summary>
    /// True when <paramref name="method"/> overrides a method carrying <c>[ForwardPass]</c>: the place
    /// where <c>[TrackVariables]</c> takes effect. With <paramref name="includeSelf"/> the method's own
    /// attribute counts too.
    /// </summary>
    public bool OverridesForwardPassMarker(IMethodSymbol method, bool includeSelf)
        => HasAttributeInOverrideChain(method, ForwardPass, includeSelf);

    /// <summary>
    /// True when a method <paramref name="method"/> overrides (or, with <paramref name="includeSelf"/>, the
    /// method itself) carries <paramref name="attribute"/>: how an inherited method attribute is read.
    /// </summary>
    public static bool HasAttributeInOverrideChain(IMethodSymbol method, INamedTypeSymbol? attribute, bool includeSelf)
    {
        for (var current = includeSelf ? method : method.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (HasAttribute(current.OriginalDefinition, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is or derives from <c>TorchSharp.torch+nn+Module</c>.</summary>
    public bool IsTorchModule(ITypeSymbol? type) => DerivesFrom(type, TorchModule);

    /// <summary>Whether <paramref name="type"/> or a base class carries <c>[RegistersComponents]</c> (a Parity module).</summary>
    public bool RegistersOwnComponents(ITypeSymbol type)
    {
        if (RegistersComponents is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasAttribute(current.OriginalDefinition, RegistersComponents))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is <c>TorchSharp.torch+nn+Module</c> itself.</summary>
    public bool IsTorchModuleBase(ITypeSymbol type) => IsDefinitionOf(type, TorchModule);

    /// <summary>True when <paramref name="type"/> is or derives from <c>TorchSharp.Modules.Parameter</c>.</summary>
    public bool IsTorchParameter(ITypeSymbol? type) => DerivesFrom(type, TorchParameter);

    /// <summary>True when <paramref name="type"/> is or derives from <c>TorchSharp.torch+Tensor</c>.</summary>
    public bool IsTorchTensor(ITypeSymbol? type) => DerivesFrom(type, TorchTensor);

    /// <summary>
    /// True when constructing <paramref name="type"/> creates a layer: it or a base type carries
    /// <c>[CreatesLayer]</c> (the attribute is inherited), or it is a TorchSharp module.
    /// </summary>
    public bool IsLayerType(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsLayerTypeItself(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="type"/> itself, whatever its bases, makes it a layer type (see
    /// <see cref="IsLayerType"/>): it carries <c>[CreatesLayer]</c> or is the TorchSharp module base.
    /// </summary>
    public bool IsLayerTypeItself(ITypeSymbol type)
        => HasAttribute(type.OriginalDefinition, CreatesLayer) || IsTorchModuleBase(type);

    /// <summary>True when <paramref name="type"/> itself, whatever its bases, is <c>TorchSharp.Modules.Parameter</c> (see <see cref="IsTorchParameter"/>).</summary>
    public bool IsTorchParameterItself(ITypeSymbol type)
        => IsDefinitionOf(type, TorchParameter);

    /// <summary>True when <paramref name="method"/> is a static factory declared in <c>torch.nn</c> or a class nested in it.</summary>
    public bool IsTorchNnFactory(IMethodSymbol method)
    {
        if (TorchNn is null || !method.IsStatic)
        {
            return false;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, TorchNn))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="parameter"/> carries <c>[CreateOnce]</c>.</summary>
    public bool IsCreateOnceParameter(IParameterSymbol parameter) => HasAttribute(parameter.OriginalDefinition, CreateOnce);

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsDefinitionOf(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    // Whether type is known itself, generic instantiations included; never true when known is absent.
    private static bool IsDefinitionOf(ITypeSymbol type, INamedTypeSymbol? known)
        => known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);
}
