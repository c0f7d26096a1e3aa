using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parity.Analyzers.Core;

/// <summary>
/// The member declarations of a syntax tree (types, methods, properties, ...), found by walking namespaces
/// and types only: method bodies, the bulk of a tree, are never entered.
/// </summary>
/// <remarks>
/// Parity's rules register one semantic-model action per tree and find their declarations here rather
/// than through syntax-node, symbol or symbol-start actions. The host dispatches syntax-node actions by
/// walking every node of every declaration once per analyzer, and symbol and symbol-start actions cost it
/// bookkeeping for every symbol of the compilation; either costs more than these rules' own work.
/// </remarks>
internal static class TreeDeclarations
{
    /// <summary>Every member declared in <paramref name="root"/>'s namespaces and (nested) types, types included.</summary>
    public static IEnumerable<MemberDeclarationSyntax> Members(SyntaxNode root)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var members = pending.Pop() switch
            {
                CompilationUnitSyntax unit => unit.Members,
                BaseNamespaceDeclarationSyntax ns => ns.Members,
                TypeDeclarationSyntax type => type.Members,
                _ => default,
            };

            foreach (var member in members)
            {
                yield return member;
                if (member is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                {
                    pending.Push(member);
                }
            }
        }
    }
}
