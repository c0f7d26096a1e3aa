using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>
/// The names under which a call or a <c>new</c> can reach something a rule cares about, gathered once per
/// compilation from declarations alone: the filter that lets a rule skip a forward pass without binding it.
/// </summary>
/// <remarks>
/// Binding a method body (which any semantic question about it does, nullable analysis included) costs
/// about as much as compiling it, and forward passes are the largest bodies of a model code base. A rule
/// therefore first reads the names its call sites use; only a name in the rule's set can bind to a marked
/// method or a layer type, because an invoked method keeps its declared name (an extension method in
/// reduced form and an override included) and <c>new T(...)</c> names <c>T</c> or an alias of it.
/// Aliases are added to every set of type names, since their target is not known without binding.
/// Method and type names are kept apart: <c>Layers.Dense(...)</c> calls a scoped layer, <c>new Dense(...)</c>
/// builds a layer, and neither should make the other's rule bind the method.
/// </remarks>
internal sealed class DeclarationIndex
{
    private DeclarationIndex(Builder builder)
    {
        ForwardPassNames = builder.ForwardPasses.ToImmutable();
        VariableCreators = builder.VariableCreators.ToNames();
        LayerCreators = builder.LayerCreators.ToNames();
        TemplateCreators = builder.TemplateCreators.ToNames();
        StoreApis = builder.StoreApis.ToNames();
        ScopedLayerNameParameters = builder.ScopedLayers.ToImmutableDictionary();
        CandidateNames = new NameTable(
            new[] { VariableCreators, LayerCreators, TemplateCreators, StoreApis }
                .SelectMany(names => names.Methods.Concat(names.Types))
                .Concat(ScopedLayerNameParameters.Keys));
    }

    /// <summary>Names of methods carrying <c>[ForwardPass]</c> themselves (an override keeps the name).</summary>
    public ImmutableHashSet<string> ForwardPassNames { get; }

    /// <summary><c>[CreatesVariable]</c> methods and the <c>torch.nn</c> factories that return parameters; types with a <c>[CreatesVariable]</c> constructor and TorchSharp parameter types.</summary>
    public CallSiteNames VariableCreators { get; }

    /// <summary><c>[CreatesLayer]</c> methods and the <c>torch.nn</c> factories that return modules; layer types (TorchSharp modules included) and types with a <c>[CreatesLayer]</c> constructor.</summary>
    public CallSiteNames LayerCreators { get; }

    /// <summary><c>[CreatesTemplate]</c> methods (and constructors, if any carry it).</summary>
    public CallSiteNames TemplateCreators { get; }

    /// <summary><c>[RequiresVariableStore]</c> methods and the types of such constructors.</summary>
    public CallSiteNames StoreApis { get; }

    /// <summary>
    /// Names of <c>[ScopedLayer]</c> methods, each with the parameter that carries the layer's name when every
    /// marked method of that name agrees on it, or null when they differ.
    /// </summary>
    public ImmutableDictionary<string, string?> ScopedLayerNameParameters { get; }

    /// <summary>
    /// Every name above that a call site can use: a site whose name is not here needs no rule to bind its
    /// forward pass (see <see cref="CandidateCallSites"/>).
    /// </summary>
    public NameTable CandidateNames { get; }

    /// <summary>
    /// Indexes <paramref name="compilation"/>'s own declarations and those of the referenced assemblies that
    /// can use Parity or TorchSharp (the ones declaring <paramref name="symbols"/>' types or referencing their
    /// assemblies, directly or through others); no other assembly can apply the markers or derive a layer, so
    /// the framework is never walked.
    /// </summary>
    public static DeclarationIndex Build(Compilation compilation, KnownSymbols symbols)
    {
        var aliases = AliasNames(compilation);
        var builder = new Builder(symbols, new MarkerAttributeSyntax(MarkersOf(symbols), aliases));
        builder.Visit(compilation.Assembly.GlobalNamespace);

        foreach (var reference in ReferencesThatCanUse(compilation, symbols))
        {
            builder.Visit(reference.GlobalNamespace);
        }

        foreach (var alias in aliases)
        {
            builder.AddAlias(alias);
        }

        return new DeclarationIndex(builder);
    }

    /// <summary>
    /// The marker attributes that put a method's name into the index: the ones <c>Builder.AddMethod</c> reads.
    /// A marker added there belongs here too, or <see cref="MarkerAttributeSyntax"/> passes over the types using it.
    /// </summary>
    internal static IEnumerable<INamedTypeSymbol?> MarkersOf(KnownSymbols symbols) => new[]
    {
        symbols.ForwardPass, symbols.CreatesVariable, symbols.CreatesLayer, symbols.CreatesTemplate, symbols.RequiresVariableStore, symbols.ScopedLayer,
    };

    // Parity's and TorchSharp's assemblies, and every referenced assembly that references one of them directly
    // or through another: a library can derive a layer from a base in a second library without naming Parity.
    private static IEnumerable<IAssemblySymbol> ReferencesThatCanUse(Compilation compilation, KnownSymbols symbols)
    {
        var relevant = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (var anchor in new[] { symbols.ForwardPass?.ContainingAssembly, symbols.TorchModule?.ContainingAssembly })
        {
            if (anchor is not null && !SymbolEqualityComparer.Default.Equals(anchor, compilation.Assembly))
            {
                relevant.Add(anchor);
            }
        }

        var others = compilation.SourceModule.ReferencedAssemblySymbols.Where(reference => !relevant.Contains(reference)).ToList();
        for (var grown = true; grown;)
        {
            grown = false;
            for (var i = others.Count - 1; i >= 0; i--)
            {
                if (others[i].Modules.Any(module => module.ReferencedAssemblySymbols.Any(relevant.Contains)))
                {
                    relevant.Add(others[i]);
                    others.RemoveAt(i);
                    grown = true;
                }
            }
        }

        return relevant;
    }

    // Only type aliases matter (new Alias(...)); reading the using directives needs syntax, not binding.
    internal static List<string> AliasNames(Compilation compilation)
    {
        var aliases = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax unit)
            {
                AddAliases(unit.Usings, unit.Members, aliases);
            }
        }

        return aliases;
    }

    // Using directives stand only at the top of a file and of a namespace, so only those lists are read.
    private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members, List<string> aliases)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                aliases.Add(alias.Name.Identifier.ValueText);
            }
        }

        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax ns)
            {
                AddAliases(ns.Usings, ns.Members, aliases);
            }
        }
    }

    private sealed class Builder
    {
        private readonly KnownSymbols symbols;
        private readonly MarkerAttributeSyntax markerSyntax;
        private readonly Dictionary<ITypeSymbol, TypeKinds> kindsByType = new(SymbolEqualityComparer.Default);

        public Builder(KnownSymbols symbols, MarkerAttributeSyntax markerSyntax)
        {
            this.symbols = symbols;
            this.markerSyntax = markerSyntax;
        }

        [Flags]
        private enum TypeKinds
        {
            None = 0,
            Layer = 1,
            Parameter = 2,
        }

        public ImmutableHashSet<string>.Builder ForwardPasses { get; } = ImmutableHashSet.CreateBuilder<string>();

        public CallSiteNames.Builder VariableCreators { get; } = new();

        public CallSiteNames.Builder LayerCreators { get; } = new();

        public CallSiteNames.Builder TemplateCreators { get; } = new();

        public CallSiteNames.Builder StoreApis { get; } = new();

        public Dictionary<string, string?> ScopedLayers { get; } = new();

        public void AddAlias(string alias)
        {
            VariableCreators.Types.Add(alias);
            LayerCreators.Types.Add(alias);
            TemplateCreators.Types.Add(alias);
            StoreApis.Types.Add(alias);
        }

        public void Visit(INamespaceSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceSymbol nested:
                        Visit(nested);
                        break;
                    case INamedTypeSymbol type:
                        Visit(type, inTorchNn: false);
                        break;
                }
            }
        }

        // Only the factories of torch.nn and the classes nested in it are recorded without a marker, and only
        // a type whose syntax may put a marker on a method has its members asked for (MarkerAttributeSyntax).
        private void Visit(INamedTypeSymbol type, bool inTorchNn)
        {
            AddType(type);
            inTorchNn = inTorchNn || Is(type, symbols.TorchNn);
            if (!inTorchNn && !markerSyntax.MayMarkMethodsOf(type))
            {
                foreach (var nested in type.GetTypeMembers())
                {
                    Visit(nested, inTorchNn);
                }

                return;
            }

            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case INamedTypeSymbol nested:
                        Visit(nested, inTorchNn);
                        break;
                    case IMethodSymbol method:
                        AddMethod(method, inTorchNn);
                        break;
                }
            }
        }

        private void AddType(INamedTypeSymbol type)
        {
            var kinds = KindsOf(type);
            if ((kinds & TypeKinds.Layer) != 0)
            {
                LayerCreators.Types.Add(type.Name);
            }

            if ((kinds & TypeKinds.Parameter) != 0)
            {
                VariableCreators.Types.Add(type.Name);
            }
        }

        // KnownSymbols.IsLayerType and IsTorchParameter, remembered per type: a type's answer is its own or its
        // base type's, and the modules of a code base share a handful of bases, so each base is asked once
        // instead of once per type derived from it.
        private TypeKinds KindsOf(ITypeSymbol type)
        {
            if (kindsByType.TryGetValue(type, out var known))
            {
                return known;
            }

            var found = type.BaseType is { } baseType ? KindsOf(baseType) : TypeKinds.None;
            if (symbols.IsLayerTypeItself(type))
            {
                found |= TypeKinds.Layer;
            }

            if (symbols.IsTorchParameterItself(type))
            {
                found |= TypeKinds.Parameter;
            }

            kindsByType[type] = found;
            return found;
        }

        private void AddMethod(IMethodSymbol method, bool inTorchNn)
        {
            // new T(...) names the type, a call names the method.
            var isConstructor = method.MethodKind == MethodKind.Constructor;
            var name = isConstructor ? method.ContainingType.Name : method.Name;
            foreach (var attribute in method.GetAttributes())
            {
                var marker = attribute.AttributeClass;
                if (Is(marker, symbols.ForwardPass))
                {
                    ForwardPasses.Add(name);
                }
                else if (Is(marker, symbols.CreatesVariable))
                {
                    VariableCreators.Add(name, isConstructor);
                }
                else if (Is(marker, symbols.CreatesLayer))
                {
                    LayerCreators.Add(name, isConstructor);
                }
                else if (Is(marker, symbols.CreatesTemplate))
                {
                    TemplateCreators.Add(name, isConstructor);
                }
                else if (Is(marker, symbols.RequiresVariableStore))
                {
                    StoreApis.Add(name, isConstructor);
                }
                else if (Is(marker, symbols.ScopedLayer))
                {
                    var parameter = NameArguments.NameParameter(attribute);
                    ScopedLayers[name] = ScopedLayers.TryGetValue(name, out var known) && known != parameter ? null : parameter;
                }
            }

            // KnownSymbols.IsTorchNnFactory, with the containing types already known from the walk.
            if (inTorchNn && method.IsStatic)
            {
                if (symbols.IsTorchModule(method.ReturnType))
                {
                    LayerCreators.Methods.Add(name);
                }
                else if (symbols.IsTorchParameter(method.ReturnType))
                {
                    VariableCreators.Methods.Add(name);
                }
            }
        }

        private static bool Is(INamedTypeSymbol? symbol, INamedTypeSymbol? known)
            => known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);
    }
}
