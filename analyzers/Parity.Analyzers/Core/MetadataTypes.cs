using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Core;

/// <summary>
/// Finds types by metadata name as <see cref="Compilation.GetTypeByMetadataName"/> does, asking only the
/// assemblies that declare the types' top-level namespace.
/// </summary>
/// <remarks>
/// The compilation's own lookup asks every referenced assembly for every name, and a project references a
/// hundred or more framework assemblies: for the dozen names resolved at the start of every compilation
/// that was the largest cost left in the analyzers. Which assemblies hold a namespace is asked once per
/// assembly. As with the compilation's lookup, a type declared in source wins, and a type declared by two
/// referenced assemblies is ambiguous and not found, and a reference with an extern alias is not searched.
/// </remarks>
internal sealed class MetadataTypes
{
    private readonly IAssemblySymbol source;
    private readonly ImmutableArray<IAssemblySymbol> declaring;

    /// <summary>Looks up types under the top-level namespace <paramref name="rootNamespace"/> of <paramref name="compilation"/>.</summary>
    public MetadataTypes(Compilation compilation, string rootNamespace)
    {
        // The compilation's global namespace merges those of the source and of every reference without an
        // extern alias, which are the assemblies the compilation's own lookup searches.
        source = compilation.Assembly;
        declaring = compilation.GlobalNamespace.GetMembers(rootNamespace).OfType<INamespaceSymbol>()
            .SelectMany(merged => merged.ConstituentNamespaces)
            .Select(part => part.ContainingAssembly)
            .Where(assembly => assembly is not null && !SymbolEqualityComparer.Default.Equals(assembly, source))
            .Distinct(SymbolEqualityComparer.Default)
            .Cast<IAssemblySymbol>()
            .ToImmutableArray();
    }

    /// <summary>The type named <paramref name="metadataName"/> (nested types joined by <c>+</c>), or null when none or more than one is visible.</summary>
    public INamedTypeSymbol? Get(string metadataName)
    {
        if (source.GetTypeByMetadataName(metadataName) is { } declaredInSource)
        {
            return declaredInSource;
        }

        INamedTypeSymbol? found = null;
        foreach (var assembly in declaring)
        {
            if (assembly.GetTypeByMetadataName(metadataName) is { } candidate)
            {
                if (found is not null)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }
}
