using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Parity.Analyzers.Core;

/// <summary>
/// Keeps Parity's reports out of generated code exactly as the host keeps out those of an analyzer that asks
/// it to skip generated code, without the host's cost for every file that receives a report.
/// </summary>
/// <remarks>
/// <para>For an analyzer that asks to skip generated code (<see cref="GeneratedCodeAnalysisFlags.None"/>), the
/// host does two things. It does not run the analyzer on generated files at all (named like <c>*.g.cs</c> or
/// <c>*.designer.cs</c>, headed by an <c>&lt;auto-generated&gt;</c> comment, or marked so in .editorconfig); that
/// is decided once per file and costs little. And it drops the analyzer's reports that lie inside a declaration
/// marked <c>[GeneratedCode]</c>: to find those, it first reads every token of each file that receives a report,
/// looking for the name <c>GeneratedCode</c>. On the benchmark corpus that token walk cost the host 0.2 % of the
/// compilation for Parity's 52 reports.</para>
/// <para>So Parity's analyzers ask the host to skip generated files but to keep every report
/// (<see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/> without <see cref="GeneratedCodeAnalysisFlags.Analyze"/>),
/// and drop reports inside <c>[GeneratedCode]</c> declarations here, by the host's rule: the file names
/// <c>GeneratedCode</c> or <c>GeneratedCodeAttribute</c> in some token; and a member-level declaration around the
/// report (a type, member, accessor or field, not a local function), or a symbol containing it, carries the
/// attribute, where a symbol declared in more than one place (a partial type) and everything around it count as
/// hand-written. <c>GeneratedCodeFilterTests</c> hold this to the host's own filtering. The name is first looked for in the text, which is far
/// cheaper than the tokens; only a file whose text holds it, or that could spell it in a way a text search
/// misses (a <c>\u</c> escape or a formatting character, see <see cref="IdentifierSpelling.MayHideNames"/>), has its
/// tokens read.</para>
/// </remarks>
internal static class GeneratedCode
{
    private const string AttributeMetadataName = "System.CodeDom.Compiler.GeneratedCodeAttribute";
    private const string ShortName = "GeneratedCode";
    private const string FullName = "GeneratedCodeAttribute";

    /// <summary>What every Parity analyzer asks of the host: skip generated files, leave the reports to <see cref="Report"/>.</summary>
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.ReportDiagnostics;

    /// <summary>Reports <paramref name="diagnostic"/> unless it lies inside a declaration marked <c>[GeneratedCode]</c>.</summary>
    public static void Report(SemanticModelAnalysisContext context, Diagnostic diagnostic)
    {
        if (!IsInGeneratedDeclaration(context.SemanticModel, diagnostic.Location, context.CancellationToken))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>Whether the host would drop a report at <paramref name="location"/> as lying in generated code declarations.</summary>
    internal static bool IsInGeneratedDeclaration(SemanticModel model, Location location, CancellationToken cancellationToken)
    {
        if (!location.IsInSource || location.SourceTree is not { } tree)
        {
            return false;
        }

        var root = tree.GetRoot(cancellationToken);
        if (!NamesTheAttribute(tree.GetText(cancellationToken), root)
            || model.Compilation.GetTypeByMetadataName(AttributeMetadataName) is not { } attribute)
        {
            return false;
        }

        var treeModel = tree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(tree);
        for (var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            foreach (var symbol in DeclaredBy(node, treeModel, cancellationToken))
            {
                if (IsGenerated(symbol, attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Whether some token of the file is the attribute's name, short or full.
    private static bool NamesTheAttribute(SourceText text, SyntaxNode root)
    {
        using var copy = new PooledText(text, new TextSpan(0, text.Length));
        var chars = copy.Span;
        if (chars.IndexOf(ShortName.AsSpan(), StringComparison.Ordinal) < 0 && !IdentifierSpelling.MayHideNames(chars))
        {
            return false;
        }

        return root.DescendantTokens().Any(token => token.ValueText is ShortName or FullName);
    }

    // The symbols a member-level declaration declares: each variable of a field or event declaration, or the
    // node's own symbol. Like the host, this leaves out what is declared inside a body (local functions, locals,
    // parameters): a marker there does not cover it, and a marker on the member around it covers it anyway.
    private static IEnumerable<ISymbol> DeclaredBy(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node is not (MemberDeclarationSyntax or AccessorDeclarationSyntax))
        {
            yield break;
        }

        if (node is BaseFieldDeclarationSyntax field)
        {
            foreach (var variable in field.Declaration.Variables)
            {
                if (model.GetDeclaredSymbol(variable, cancellationToken) is { } symbol)
                {
                    yield return symbol;
                }
            }
        }
        else if (model.GetDeclaredSymbol(node, cancellationToken) is { } symbol)
        {
            yield return symbol;
        }
    }

    private static bool IsGenerated(ISymbol symbol, INamedTypeSymbol attribute)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current.DeclaringSyntaxReferences.Length > 1)
            {
                return false;
            }

            foreach (var applied in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(applied.AttributeClass, attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
