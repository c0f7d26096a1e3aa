using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>
/// Whether a bare name inside a member may mean something the member declares itself (a parameter, local,
/// pattern or lambda variable, local function) or a primary-constructor parameter, read from syntax: the
/// check a rule makes before trusting that the name means a member of the type.
/// </summary>
internal static class LocalNames
{
    /// <summary>
    /// True when <paramref name="member"/> declares <paramref name="name"/> anywhere inside it (whatever the
    /// scope), or a type around it has a primary-constructor parameter of that name.
    /// </summary>
    public static bool IsDeclared(string name, MemberDeclarationSyntax member)
        => (DeclaresFromText(name, member) ?? DeclaresByWalk(name, member)) || IsPrimaryConstructorParameter(name, member);

    /// <summary>
    /// Whether <paramref name="member"/> declares <paramref name="name"/>, found by searching its text for the
    /// name and asking the token at each hit whether it is a declaration; null when the text may spell the name
    /// in a way a search does not find (<see cref="IdentifierSpelling.MayHideNames"/>).
    /// </summary>
    /// <remarks>Walking every node of the member was a measurable share of a clean build: it runs for every
    /// <c>member ??= creation</c> in a forward pass and every unqualified registration call.</remarks>
    internal static bool? DeclaresFromText(string name, MemberDeclarationSyntax member)
    {
        var span = member.Span;
        using var copy = new PooledText(member.SyntaxTree.GetText(), span);
        var chars = copy.Span;
        if (IdentifierSpelling.MayHideNames(chars))
        {
            return null;
        }

        var tokens = new TokenCursor(member);
        for (var from = 0; from < chars.Length;)
        {
            var hit = chars.Slice(from).IndexOf(name.AsSpan(), StringComparison.Ordinal);
            if (hit < 0)
            {
                return false;
            }

            var token = tokens.FindToken(span.Start + from + hit);
            if (token.ValueText == name && Declares(token))
            {
                return true;
            }

            from += hit + 1;
        }

        return false;
    }

    /// <summary>Whether <paramref name="member"/> declares <paramref name="name"/>, found by walking its nodes.</summary>
    internal static bool DeclaresByWalk(string name, MemberDeclarationSyntax member)
    {
        foreach (var declared in DeclaredNames(member))
        {
            if (declared.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    // A primary constructor's parameters are in scope in every member of the type.
    private static bool IsPrimaryConstructorParameter(string name, MemberDeclarationSyntax member)
    {
        for (var type = member.Parent as TypeDeclarationSyntax; type is not null; type = type.Parent as TypeDeclarationSyntax)
        {
            // Read as a child node: the property exists only in newer Roslyn versions than the one this targets.
            foreach (var parameters in type.ChildNodes())
            {
                if (parameters is ParameterListSyntax list && list.Parameters.Any(parameter => parameter.Identifier.ValueText == name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The same declarations DeclaredNames yields, asked of one token.
    private static bool Declares(SyntaxToken token) => token.Parent switch
    {
        ParameterSyntax parameter => parameter.Identifier == token,
        VariableDeclaratorSyntax variable => variable.Identifier == token,
        SingleVariableDesignationSyntax designation => designation.Identifier == token,
        ForEachStatementSyntax forEach => forEach.Identifier == token,
        CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier == token,
        LocalFunctionStatementSyntax localFunction => localFunction.Identifier == token,
        QueryClauseSyntax or QueryContinuationSyntax => token.IsKind(SyntaxKind.IdentifierToken),
        _ => false,
    };

    // Every name the member declares anywhere inside it, whatever its scope: a false match only costs a binding.
    private static IEnumerable<SyntaxToken> DeclaredNames(MemberDeclarationSyntax member)
    {
        foreach (var node in member.DescendantNodes())
        {
            switch (node)
            {
                case ParameterSyntax parameter:
                    yield return parameter.Identifier;
                    break;
                case VariableDeclaratorSyntax variable:
                    yield return variable.Identifier;
                    break;
                case SingleVariableDesignationSyntax designation:
                    yield return designation.Identifier;
                    break;
                case ForEachStatementSyntax forEach:
                    yield return forEach.Identifier;
                    break;
                case CatchDeclarationSyntax catchDeclaration:
                    yield return catchDeclaration.Identifier;
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    yield return localFunction.Identifier;
                    break;
                case QueryClauseSyntax or QueryContinuationSyntax or FromClauseSyntax:
                    foreach (var token in node.ChildTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken))
                        {
                            yield return token;
                        }
                    }

                    break;
            }
        }
    }
}
