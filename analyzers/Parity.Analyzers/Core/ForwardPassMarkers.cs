using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Core;

/// <summary>Finds the methods that carry <c>[ForwardPass]</c> themselves, once per compilation.</summary>
internal static class ForwardPassMarkers
{
    /// <summary>
    /// The names of the methods carrying <paramref name="forwardPass"/> in <paramref name="compilation"/>'s own
    /// code and in the referenced assemblies that declare the attribute or reference its assembly (no other
    /// assembly can apply it), so the framework's hundreds of assemblies are never walked.
    /// </summary>
    public static ImmutableHashSet<string> NamesOfMarkedMethods(Compilation compilation, INamedTypeSymbol? forwardPass)
    {
        var names = ImmutableHashSet.CreateBuilder<string>();
        if (forwardPass is null)
        {
            return names.ToImmutable();
        }

        var declaring = forwardPass.ContainingAssembly;
        AddMarkedMethods(compilation.Assembly.GlobalNamespace, forwardPass, names);
        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(reference, declaring)
                || reference.Modules.Any(module => module.ReferencedAssemblySymbols.Contains(declaring, SymbolEqualityComparer.Default)))
            {
                AddMarkedMethods(reference.GlobalNamespace, forwardPass, names);
            }
        }

        return names.ToImmutable();
    }

    private static void AddMarkedMethods(INamespaceOrTypeSymbol container, INamedTypeSymbol forwardPass, ImmutableHashSet<string>.Builder names)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested:
                    AddMarkedMethods(nested, forwardPass, names);
                    break;
                case IMethodSymbol method when !names.Contains(method.Name) && KnownSymbols.HasAttribute(method, forwardPass):
                    names.Add(method.Name);
                    break;
            }
        }
    }
}
