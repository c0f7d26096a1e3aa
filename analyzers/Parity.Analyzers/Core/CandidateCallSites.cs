using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Parity.Analyzers.Core;

/// <summary>
/// The call sites of a method that some rule may have to look at: those whose name is one of
/// <see cref="DeclarationIndex.CandidateNames"/> and those syntax gives no name. The result is exactly
/// <see cref="CallSites.Of"/> narrowed to those, but found from the method's text: walking every node of
/// every forward pass was the largest cost left in a clean build.
/// </summary>
/// <remarks>
/// <para>The text is scanned once for identifiers. An identifier in the table is checked against the token
/// there, the way <see cref="NamedInvocations"/> checks its hits, so one in a comment, a string or a longer
/// name is dropped. Every <c>new</c> is checked too, since <c>new(...)</c> and <c>new int()</c> name no
/// type a table could hold.</para>
/// <para>A call of a computed delegate (<c>layers[i](x)</c>, <c>f()(x)</c>) names nothing either. Its
/// argument list opens right after the callee's last token, which is then not a plain name: an opening
/// parenthesis is checked against the tree when the text before it is a closing bracket, a literal, a
/// keyword such as <c>this</c>, a comment, or a line break (the previous line may end in a comment or a
/// directive). After a name, a type argument list or an operator it is left alone: a named callee is read
/// where its name stands, and after an operator the parenthesis cannot open an argument list.</para>
/// <para>A method with syntax errors goes to the syntax walk, since a missing token breaks what the text says
/// about the tree. So does text the scan cannot read plainly: anything outside
/// ASCII or a <c>\u</c> escape (either can spell an identifier's letters), and <c>::</c> (<c>alias::Name(x)</c>
/// calls no named method, though a name stands right before its argument list).</para>
/// </remarks>
internal static class CandidateCallSites
{
    private static readonly NameTable ExpressionKeywords = new(new[]
    {
        "this", "base", "null", "true", "false", "default", "__arglist",
        "bool", "byte", "char", "decimal", "double", "float", "int", "long", "object", "sbyte", "short", "string", "uint", "ulong", "ushort", "void",
    });

    /// <summary>The call sites of <paramref name="declaration"/> whose name is in <paramref name="names"/> or that have none, in no particular order.</summary>
    public static ImmutableArray<CallSite> Of(MethodDeclarationSyntax declaration, NameTable names, CancellationToken cancellationToken)
        => Scan(declaration, names, cancellationToken)
            ?? CallSites.Of(declaration).Where(site => site.Name is null || names.Contains(site.Name)).ToImmutableArray();

    /// <summary>What <see cref="Of"/> finds from the text alone, or null when the text is not plain enough to scan (see remarks).</summary>
    public static ImmutableArray<CallSite>? Scan(MethodDeclarationSyntax declaration, NameTable names, CancellationToken cancellationToken)
    {
        if (declaration.ContainsDiagnostics)
        {
            // Code being typed: a missing token may stand between a callee and its argument list.
            return null;
        }

        var sites = ImmutableArray.CreateBuilder<CallSite>();
        var text = declaration.SyntaxTree.GetText(cancellationToken);
        foreach (var parameter in declaration.ParameterList.Parameters)
        {
            if (parameter.Default is { } value && !TryScan(value, text, names, sites))
            {
                return null;
            }
        }

        SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
        if (body is not null && !TryScan(body, text, names, sites))
        {
            return null;
        }

        return sites.ToImmutable();
    }

    // False when the region holds text the scan does not read (see remarks); the caller then walks the syntax.
    private static bool TryScan(SyntaxNode region, SourceText text, NameTable names, ImmutableArray<CallSite>.Builder sites)
    {
        var span = region.Span;
        var tokens = new TokenCursor(region);
        using var copy = new PooledText(text, span);
        var chars = copy.Chars;
        var length = copy.Length;
        for (var i = 0; i < length;)
        {
            var c = chars[i];
            if (c >= 0x80)
            {
                return false;
            }

            var kind = Kinds[c];
            if (kind == Letter)
            {
                var start = i;
                if (names.MayStartWith(c))
                {
                    // Hash while reading, so looking the identifier up does not read it again.
                    var hash = NameTable.EmptyHash;
                    do
                    {
                        hash = NameTable.Hash(hash, chars[i]);
                        i++;
                    }
                    while (i < length && chars[i] < 0x80 && Kinds[chars[i]] is Letter or Digit);

                    if (names.Find(chars, start, i - start, hash) is { } name)
                    {
                        AddNamed(tokens, span.Start + start, name, sites);
                    }
                }
                else
                {
                    do
                    {
                        i++;
                    }
                    while (i < length && chars[i] < 0x80 && Kinds[chars[i]] is Letter or Digit);
                }

                if (i - start == 3 && chars[start] == 'n' && chars[start + 1] == 'e' && chars[start + 2] == 'w')
                {
                    AddUnnamedCreation(tokens, span.Start + start, sites);
                }

                continue;
            }

            if (kind == Marked)
            {
                var next = i + 1 < length ? chars[i + 1] : '\0';
                if ((c == '\\' && next is 'u' or 'U') || (c == ':' && next == ':'))
                {
                    return false;
                }

                if (c == '(' && MayOpenUnnamedCall(chars, i))
                {
                    AddUnnamedCall(tokens, span.Start + i, sites);
                }
            }

            i++;
        }

        return true;
    }

    // See remarks: false only when the parenthesis follows a plain name, a type argument list or an operator
    // on the same line.
    private static bool MayOpenUnnamedCall(char[] chars, int open)
    {
        var j = open - 1;
        while (j >= 0 && chars[j] is ' ' or '\t' or '\v' or '\f')
        {
            j--;
        }

        if (j < 0)
        {
            return true;
        }

        var previous = chars[j];
        if (IsIdentifierPart(previous))
        {
            var start = j;
            while (start > 0 && IsIdentifierPart(chars[start - 1]))
            {
                start--;
            }

            // A literal (1.5f, "s"u8) or a keyword that ends an expression.
            return IsDigit(chars[start])
                || (start > 0 && chars[start - 1] is '"' or '\'')
                || ExpressionKeywords.Find(chars, start, j - start + 1) is not null;
        }

        return previous switch
        {
            '>' or '(' or ',' or '=' or '[' or '{' or ';' or ':' or '&' or '|' or '^' or '%' or '<' or '*' or '?' or '~' => false,
            '+' or '-' => j > 0 && chars[j - 1] == previous,
            _ => true,
        };
    }

    private static void AddNamed(TokenCursor tokens, int position, string name, ImmutableArray<CallSite>.Builder sites)
    {
        var token = tokens.FindToken(position);
        if (!token.Span.Contains(position) || token.ValueText != name || token.Parent is not SimpleNameSyntax simpleName)
        {
            return;
        }

        if (InvokedNames.InvocationCalling(simpleName) is { } invocation)
        {
            sites.Add(new CallSite(invocation, name));
            return;
        }

        // new T(...), new A.B.T(...), new alias::T(...): the name CallSites.TypeName reads.
        TypeSyntax type = simpleName.Parent switch
        {
            QualifiedNameSyntax qualified when qualified.Right == simpleName => qualified,
            AliasQualifiedNameSyntax aliasQualified when aliasQualified.Name == simpleName => aliasQualified,
            _ => simpleName,
        };
        if (type.Parent is ObjectCreationExpressionSyntax creation && creation.Type == type)
        {
            sites.Add(new CallSite(creation, name));
        }
    }

    // new(...) and new of a type CallSites.TypeName gives no name (new int(), new (int, int)(), new int?()).
    private static void AddUnnamedCreation(TokenCursor tokens, int position, ImmutableArray<CallSite>.Builder sites)
    {
        var token = tokens.FindToken(position);
        if (token.SpanStart != position || !token.IsKind(SyntaxKind.NewKeyword))
        {
            return;
        }

        switch (token.Parent)
        {
            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                sites.Add(new CallSite(implicitCreation, null));
                break;
            case ObjectCreationExpressionSyntax creation when CallSites.TypeName(creation.Type) is null:
                sites.Add(new CallSite(creation, null));
                break;
        }
    }

    private static void AddUnnamedCall(TokenCursor tokens, int position, ImmutableArray<CallSite>.Builder sites)
    {
        var token = tokens.FindToken(position);
        if (token.SpanStart == position
            && token.IsKind(SyntaxKind.OpenParenToken)
            && token.Parent is ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } arguments
            && invocation.ArgumentList == arguments
            && InvokedNames.Of(invocation) is null)
        {
            sites.Add(new CallSite(invocation, null));
        }
    }

    // What the scan needs to know of an ASCII character, by table: the scan reads every character of every
    // forward pass. Marked characters may start something the scan acts on: an argument list or text it cannot read.
    private const byte Other = 0;
    private const byte Letter = 1;
    private const byte Digit = 2;
    private const byte Marked = 3;

    private static readonly byte[] Kinds = CreateKinds();

    private static byte[] CreateKinds()
    {
        var kinds = new byte[0x80];
        for (var c = 0; c < kinds.Length; c++)
        {
            kinds[c] = c switch
            {
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' => Letter,
                >= '0' and <= '9' => Digit,
                '(' or '\\' or ':' => Marked,
                _ => Other,
            };
        }

        return kinds;
    }

    private static bool IsIdentifierPart(char c) => c < 0x80 && Kinds[c] is Letter or Digit;

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
