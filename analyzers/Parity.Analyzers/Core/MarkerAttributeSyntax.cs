using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>
/// Tells from syntax alone whether a source type can declare a method carrying one of the marker attributes
/// the <see cref="DeclarationIndex"/> reads, so the index asks for the members of only those types.
/// </summary>
/// <remarks>
/// <para>An attribute names its class, an alias of it, or either without the <c>Attribute</c> suffix, and
/// the last identifier of that name is what the lookup starts from (<c>[Parity.ForwardPass]</c>,
/// <c>[global::Parity.ForwardPassAttribute]</c>, <c>[P::ForwardPass]</c>). So a method can carry a marker
/// only if some attribute on its declaration ends in one of the markers' names or in an alias declared
/// anywhere in the compilation (an alias may stand for a marker; which one is not known without binding).
/// Identifiers are compared by their value, so escapes and <c>@</c> do not hide a name.</para>
/// <para>Attributes that land on a method from elsewhere in the type's syntax are read too: those on
/// accessors, those on a field-like event (<c>[method: ...]</c> reaches its accessors) and those on the type
/// itself (<c>[method: ...]</c> reaches a primary constructor). A type
/// without syntax (metadata or compiler-synthesised) is always read.</para>
/// <para>Asking every source type for its members through the public symbol model, and every method for its
/// attributes, was most of the index's cost; a model code base puts markers on a handful of helpers.</para>
/// </remarks>
internal sealed class MarkerAttributeSyntax
{
    private const string Suffix = "Attribute";

    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    /// <summary>Recognises <paramref name="markers"/> (absent ones are skipped) and every alias in <paramref name="aliases"/>.</summary>
    public MarkerAttributeSyntax(IEnumerable<INamedTypeSymbol?> markers, IEnumerable<string> aliases)
    {
        foreach (var marker in markers)
        {
            if (marker is not null)
            {
                AddWithoutSuffix(marker.Name);
            }
        }

        foreach (var alias in aliases)
        {
            AddWithoutSuffix(alias);
        }
    }

    /// <summary>
    /// False only when no method of <paramref name="type"/> itself (nested types aside) can carry a marker
    /// attribute; true for a type declared outside source.
    /// </summary>
    public bool MayMarkMethodsOf(INamedTypeSymbol type)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.IsEmpty)
        {
            return true;
        }

        foreach (var reference in references)
        {
            // Other syntax is read as it is: a delegate, or the type the compiler makes for members written
            // outside any type in broken code. An enum declares no method.
            var syntax = reference.GetSyntax();
            if (syntax is TypeDeclarationSyntax declaration ? MayMarkMethodsIn(declaration) : syntax is not EnumDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private bool MayMarkMethodsIn(TypeDeclarationSyntax declaration)
    {
        // [method: ...] on a type with a parameter list reaches its primary constructor. Which types have one
        // is not asked: the syntax of older compilers does not say for classes and structs.
        if (NamesMarker(declaration.AttributeLists))
        {
            return true;
        }

        foreach (var member in declaration.Members)
        {
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            {
                // Read when the index reaches the nested type.
                continue;
            }

            if (NamesMarker(member.AttributeLists))
            {
                return true;
            }

            if (member is BasePropertyDeclarationSyntax { AccessorList: { } accessors })
            {
                foreach (var accessor in accessors.Accessors)
                {
                    if (NamesMarker(accessor.AttributeLists))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool NamesMarker(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                // A name of an unforeseen shape counts as a possible marker.
                if (LastIdentifier(attribute.Name) is not { } name || names.Contains(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? LastIdentifier(NameSyntax name) => name switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
        _ => null,
    };

    // [X] looks up X and XAttribute, so a class or alias named XAttribute is reached by either spelling.
    private void AddWithoutSuffix(string name)
    {
        names.Add(name);
        if (name.Length > Suffix.Length && name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            names.Add(name.Substring(0, name.Length - Suffix.Length));
        }
    }
}
