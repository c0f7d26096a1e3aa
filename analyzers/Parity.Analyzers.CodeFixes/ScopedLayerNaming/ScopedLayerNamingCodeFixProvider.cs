using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Core;
using Parity.Analyzers.ForwardPass;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Parity.Analyzers.CodeFixes.ScopedLayerNaming;

/// <summary>
/// Fixes PAR1003 in one of two ways. "Name the layer" passes the name the layer gets on the first call
/// today (<c>dense</c>, <c>dense_1</c>, ... in call order), so existing checkpoints keep matching. "Wrap
/// in a variable scope" opens a scope named after the module around the whole forward pass, which fixes
/// every unnamed layer in it at once but prefixes their variable names with the scope. A layer in a loop
/// (or lambda, local function, query) runs several times per call, so only the scope is offered there.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ScopedLayerNamingCodeFixProvider)), Shared]
public sealed class ScopedLayerNamingCodeFixProvider : ParityCodeFixProvider
{
    /// <summary>Equivalence key of the fix that names the layer.</summary>
    public const string NameLayerKey = "Parity.NameScopedLayer";

    /// <summary>Equivalence key of the fix that wraps the forward pass in a named variable scope.</summary>
    public const string WrapInScopeKey = "Parity.WrapInVariableScope";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerIds.AutoNamedScopedLayer);

    /// <inheritdoc />
    protected override async Task<(string Title, string EquivalenceKey)[]> OffersAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (await ContextAsync(document, node, cancellationToken).ConfigureAwait(false) is not { } context)
        {
            return [];
        }

        var offers = new List<(string, string)>();
        if (!SyntaxEdits.RunsRepeatedlyPerCall(context.Operation.Syntax, context.Method))
        {
            offers.Add(($"Name the layer '{ProposedName(context)}'", NameLayerKey));
        }

        if (ScopeOpener(context) is not null)
        {
            offers.Add(($"Wrap the body of '{context.Method.Identifier.ValueText}' in variable scope '{ScopeName(context)}'", WrapInScopeKey));
        }

        return offers.ToArray();
    }

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, SyntaxNode node, string? equivalenceKey, CancellationToken cancellationToken)
    {
        if (await ContextAsync(document, node, cancellationToken).ConfigureAwait(false) is not { } context)
        {
            return document;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        if (equivalenceKey == WrapInScopeKey)
        {
            return ScopeOpener(context) is { } opener
                ? await SyntaxEdits.AddImportsAsync(document.WithSyntaxRoot(root.ReplaceNode(context.Method, WrapBody(document, context, opener))), cancellationToken).ConfigureAwait(false)
                : document;
        }

        if (SyntaxEdits.RunsRepeatedlyPerCall(context.Operation.Syntax, context.Method))
        {
            // One fixed name for every iteration would make them share variables: a different model.
            return document;
        }

        var literal = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(ProposedName(context)));
        if (context.NameArgument.ArgumentKind == ArgumentKind.Explicit && context.NameArgument.Syntax is ArgumentSyntax explicitArgument)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(explicitArgument.Expression, literal.WithTriviaFrom(explicitArgument.Expression)));
        }

        var invocation = (InvocationExpressionSyntax)context.Operation.Syntax;
        var named = Argument(NameColon(IdentifierName(context.NameParameter)), default, literal);
        return document.WithSyntaxRoot(root.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.AddArguments(named)));
    }

    private sealed class FixContext(SemanticModel model, KnownSymbols symbols, IInvocationOperation operation, IArgumentOperation nameArgument, string nameParameter, MethodDeclarationSyntax method)
    {
        public SemanticModel Model { get; } = model;

        public KnownSymbols Symbols { get; } = symbols;

        public IInvocationOperation Operation { get; } = operation;

        public IArgumentOperation NameArgument { get; } = nameArgument;

        public string NameParameter { get; } = nameParameter;

        public MethodDeclarationSyntax Method { get; } = method;
    }

    /// <summary>What the fix needs, or null when the call is no longer an unnamed scoped layer outside a named scope.</summary>
    private static async Task<FixContext?> ContextAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax invocation
            || invocation.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || KnownSymbols.Get(model.Compilation) is not { } symbols
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || UnnamedArgument(operation, symbols) is not var (argument, parameter)
            || ScopedLayerNamingRule.IsInsideNamedScope(operation, symbols))
        {
            return null;
        }

        return new FixContext(model, symbols, operation, argument, parameter, method);
    }

    private static (IArgumentOperation Argument, string Parameter)? UnnamedArgument(IInvocationOperation operation, KnownSymbols symbols)
    {
        if (KnownSymbols.FindAttribute(operation.TargetMethod.OriginalDefinition, symbols.ScopedLayer) is not { } marker)
        {
            return null;
        }

        var parameter = NameArguments.NameParameter(marker);
        return NameArguments.Find(operation, parameter) is { } argument && !NameArguments.IsNamed(argument) ? (argument, parameter) : null;
    }

    /// <summary>
    /// The name the layer takes on the first call today: unnamed layers of one kind take the first free of
    /// <c>dense</c>, <c>dense_1</c>, ... in the order they run, skipping names given explicitly.
    /// </summary>
    private static string ProposedName(FixContext context)
    {
        var used = new HashSet<string>();
        var unnamed = new List<(SyntaxNode Node, string BaseName)>();
        foreach (var invocation in context.Method.DescendantNodes().OfType<InvocationExpressionSyntax>().OrderBy(i => i.Span.End))
        {
            if (context.Model.GetOperation(invocation) is not IInvocationOperation operation
                || KnownSymbols.FindAttribute(operation.TargetMethod.OriginalDefinition, context.Symbols.ScopedLayer) is not { } marker
                || NameArguments.Find(operation, NameArguments.NameParameter(marker)) is not { } argument)
            {
                continue;
            }

            if (NameArguments.IsNamed(argument))
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: string name })
                {
                    used.Add(name);
                }
            }
            else if (!ScopedLayerNamingRule.IsInsideNamedScope(operation, context.Symbols))
            {
                unnamed.Add((invocation, SyntaxEdits.SnakeCase(operation.TargetMethod.Name)));
            }
        }

        var target = context.Operation.Syntax;
        var proposed = SyntaxEdits.SnakeCase(context.Operation.TargetMethod.Name);
        foreach (var (node, baseName) in unnamed)
        {
            var candidate = baseName;
            for (var suffix = 1; used.Contains(candidate); suffix++)
            {
                candidate = baseName + "_" + suffix;
            }

            used.Add(candidate);
            if (node == target)
            {
                proposed = candidate;
            }
        }

        return proposed;
    }

    private static string ScopeName(FixContext context)
        => SyntaxEdits.SnakeCase(context.Method.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText ?? context.Method.Identifier.ValueText);

    /// <summary>Parity's own <c>[OpensVariableScope]</c> method whose first parameter is the scope name, when the compilation sees it.</summary>
    private static IMethodSymbol? ScopeOpener(FixContext context)
    {
        var scopes = context.Model.Compilation.GetTypeByMetadataName("Parity.Compat.VariableScopes");
        return scopes?.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(m =>
            m.IsStatic
            && KnownSymbols.FindAttribute(m, context.Symbols.OpensVariableScope) is { } marker
            && m.Parameters.Length > 0
            && m.Parameters[0].Name == NameArguments.NameParameter(marker)
            && m.Parameters.Skip(1).All(p => p.IsOptional));
    }

    /// <summary>
    /// The shortest reference to <paramref name="opener"/> that binds at the method: its bare name under
    /// <c>using static</c> (the simplifier does not shorten through <c>using static</c>, so this is decided
    /// here), else the type-qualified name, with a using directive for the type's namespace when it lacks one.
    /// </summary>
    private static ExpressionSyntax OpenerReference(Document document, FixContext context, IMethodSymbol opener)
    {
        if (context.Model.LookupSymbols(context.Method.SpanStart, name: opener.Name).Any(s => SymbolEqualityComparer.Default.Equals(s, opener)))
        {
            return IdentifierName(opener.Name);
        }

        return MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxEdits.ImportedType(document, opener.ContainingType), IdentifierName(opener.Name));
    }

    private static MethodDeclarationSyntax WrapBody(Document document, FixContext context, IMethodSymbol opener)
    {
        var method = context.Method;
        var statements = method.Body is { } body
            ? body.Statements
            : SingletonList<StatementSyntax>(
                context.Model.GetDeclaredSymbol(method)?.ReturnsVoid == true
                    ? ExpressionStatement(method.ExpressionBody!.Expression)
                    : ReturnStatement(method.ExpressionBody!.Expression));
        var call = InvocationExpression(
            OpenerReference(document, context, opener),
            ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(ScopeName(context)))))));
        var wrapped = Block(UsingStatement(null, call, Block(statements)));
        return method
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithBody(wrapped)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
