using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Parity.Analyzers.CodeFixes.TorchSharp;
using Parity.Analyzers.Core;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Parity.Analyzers.CodeFixes.Core;

/// <summary>
/// Moves creation out of the per-call path of a forward pass (PAR1001, PAR1002, PAR1004). When the
/// creation's arguments use nothing local to the forward pass and it needs no variable store, it moves into
/// a readonly field assigned at the end of every constructor (or a field initializer when the class
/// declares no constructor and the arguments are constant); otherwise it stays where it is behind a
/// <c>field ??= ...</c> guard. In a plain TorchSharp module a moved submodule or parameter must also be
/// registered (<c>RegisterComponents()</c> registers the fields it finds when it runs, once): the assignment
/// goes before the constructor's <c>RegisterComponents()</c> call, or is followed by an explicit
/// <c>register_module</c> / <c>register_parameter</c>; a creation that must stay in the forward pass becomes
/// <c>if (field is null) { field = ...; register_module(...); }</c>. The field's type gets a using directive
/// rather than a qualified name. No fix
/// is offered for creation in a loop, lambda, local function or query: one field would share one layer or
/// variable between iterations, which changes the model.
/// </summary>
public abstract class CreateOnceCodeFixProvider : ParityCodeFixProvider
{
    private enum Dependency
    {
        None,
        Instance,
        Local,
    }

    /// <inheritdoc />
    /// <remarks>One equivalence key per rule, so a Fix All started from one rule never applies another's fix.</remarks>
    protected sealed override async Task<(string Title, string EquivalenceKey)[]> OffersAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        => await AnalyzeAsync(document, node, cancellationToken).ConfigureAwait(false) is { } plan
            ? [(Title(plan), "Parity.CreateOnce." + FixableDiagnosticIds[0])]
            : [];

    private static string Title(Plan plan)
        => plan.UsesConstructor ? $"Create '{plan.FieldName}' once, in the constructor"
            : plan.UsesInitializer ? $"Create '{plan.FieldName}' once, in a field initializer"
            : $"Create '{plan.FieldName}' once, with '??='";

    /// <inheritdoc />
    protected sealed override async Task<Document> FixAsync(Document document, SyntaxNode node, string? equivalenceKey, CancellationToken cancellationToken)
    {
        if (await AnalyzeAsync(document, node, cancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return document;
        }

        var creation = plan.Creation;
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var fieldName = IdentifierName(plan.FieldName);
        var value = creation.WithoutTrivia();
        var modifiers = TokenList(Token(SyntaxKind.PrivateKeyword));
        if (plan.IsStatic)
        {
            modifiers = modifiers.Add(Token(SyntaxKind.StaticKeyword));
        }

        VariableDeclaratorSyntax declarator;
        if (plan.UsesConstructor || plan.UsesInitializer)
        {
            modifiers = modifiers.Add(Token(SyntaxKind.ReadOnlyKeyword));
            declarator = VariableDeclarator(plan.FieldName);
            if (plan.UsesInitializer)
            {
                declarator = declarator.WithInitializer(EqualsValueClause(value));
            }

            editor.ReplaceNode(creation, fieldName.WithTriviaFrom(creation));
            var assignment = ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, fieldName, value)).WithAdditionalAnnotations(Formatter.Annotation);
            foreach (var constructor in plan.Constructors)
            {
                editor.ReplaceNode(constructor, (current, _) => TorchSharpRegistration.AssignInConstructor((ConstructorDeclarationSyntax)current, assignment, plan.Registration, plan.FieldName));
            }
        }
        else if (plan.Registration is { } registration)
        {
            // RegisterComponents() has run long before a forward pass: what is made here must be registered here.
            declarator = VariableDeclarator(plan.FieldName);
            TorchSharpRegistration.CreateLazilyAndRegister(editor, creation, method: plan.Method, plan.FieldName, registration);
        }
        else
        {
            declarator = VariableDeclarator(plan.FieldName);
            var guarded = ParenthesizedExpression(AssignmentExpression(SyntaxKind.CoalesceAssignmentExpression, fieldName, value))
                .WithAdditionalAnnotations(Simplifier.Annotation);
            editor.ReplaceNode(creation, guarded.WithTriviaFrom(creation));
        }

        var field = FieldDeclaration(VariableDeclaration(plan.FieldType, SingletonSeparatedList(declarator)))
            .WithModifiers(modifiers)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var lastField = plan.Type.Members.OfType<FieldDeclarationSyntax>().LastOrDefault();
        if (lastField is not null)
        {
            editor.InsertAfter(lastField, field);
        }
        else
        {
            editor.ReplaceNode(plan.Type, (current, generator) => generator.InsertMembers(current, 0, field));
        }

        return await SyntaxEdits.AddImportsAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private sealed class Plan(ExpressionSyntax creation, MethodDeclarationSyntax method, TypeDeclarationSyntax type, string fieldName, TypeSyntax fieldType, bool isStatic, bool usesInitializer, ConstructorDeclarationSyntax[] constructors, string? registration)
    {
        public MethodDeclarationSyntax Method { get; } = method;

        /// <summary><c>register_module</c> or <c>register_parameter</c> when the module is a plain TorchSharp module that must register what moves; else null.</summary>
        public string? Registration { get; } = registration;

        public ExpressionSyntax Creation { get; } = creation;

        public TypeDeclarationSyntax Type { get; } = type;

        public string FieldName { get; } = fieldName;

        public TypeSyntax FieldType { get; } = fieldType;

        public bool IsStatic { get; } = isStatic;

        public bool UsesInitializer { get; } = usesInitializer;

        public ConstructorDeclarationSyntax[] Constructors { get; } = constructors;

        public bool UsesConstructor => Constructors.Length > 0;
    }

    private static async Task<Plan?> AnalyzeAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node is not (ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or InvocationExpressionSyntax)
            || node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { Parent: TypeDeclarationSyntax type } method
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || KnownSymbols.Get(model.Compilation) is not { } symbols
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } methodSymbol
            || model.GetDeclaredSymbol(type, cancellationToken) is not { } typeSymbol
            || !symbols.IsForwardPass(methodSymbol)
            || model.GetOperation(node, cancellationToken) is not { } operation
            || CreateOnceGuards.IsCreatedOnce(operation, symbols)
            || operation.Type is not { TypeKind: not TypeKind.Error } createdType)
        {
            return null;
        }

        var creation = (ExpressionSyntax)node;
        if (SyntaxEdits.RunsRepeatedlyPerCall(creation, method))
        {
            // One field would make every iteration (or every run of the lambda) share a single layer or
            // variable: a different model, not the same one created once. The user has to choose.
            return null;
        }

        var fieldName = UniqueFieldName(model, creation, BaseName(creation, createdType));
        var registration = TorchSharpRegistration.MethodFor(typeSymbol, createdType, symbols);

        var nullable = model.GetNullableContext(creation.SpanStart).AnnotationsEnabled();
        var typeSyntax = SyntaxEdits.ImportedType(document, createdType);

        var constructors = type.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToArray();
        var constructorsElsewhere = typeSymbol.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && c.DeclaringSyntaxReferences.Any(r => !type.Span.Contains(r.Span) || r.SyntaxTree != type.SyntaxTree));
        var dependency = DependencyOf(model, creation, typeSymbol, cancellationToken);
        // An API that needs the variable store only works while the forward pass runs, never in a constructor.
        var needsStore = operation switch
        {
            IInvocationOperation invocation => KnownSymbols.HasAttribute(invocation.TargetMethod.OriginalDefinition, symbols.RequiresVariableStore),
            IObjectCreationOperation { Constructor: { } constructor } => KnownSymbols.HasAttribute(constructor.OriginalDefinition, symbols.RequiresVariableStore),
            _ => false,
        };
        var canMove = !needsStore
            && !methodSymbol.IsStatic && dependency != Dependency.Local && !creation.DescendantNodes().OfType<AwaitExpressionSyntax>().Any() && !constructorsElsewhere;

        var targets = SyntaxEdits.InitializingConstructors(type);
        if (canMove && targets.Length > 0 && !ShadowedByConstructorParameter(model, creation, targets, cancellationToken))
        {
            return new Plan(creation, method, type, fieldName, typeSyntax, isStatic: false, usesInitializer: false, targets, registration);
        }

        if (canMove && constructors.Length == 0 && dependency == Dependency.None)
        {
            return new Plan(creation, method, type, fieldName, typeSyntax, isStatic: false, usesInitializer: true, [], registration);
        }

        if (registration is not null && !methodSymbol.IsStatic && !TorchSharpRegistration.CanCreateLazily(creation, method))
        {
            return null;
        }

        var guardedType = nullable && createdType.IsReferenceType ? NullableType(typeSyntax) : typeSyntax;
        return new Plan(creation, method, type, fieldName, guardedType, methodSymbol.IsStatic, usesInitializer: false, [], methodSymbol.IsStatic ? null : registration);
    }

    /// <summary>Names the field after the local the creation initializes, or else after the created type.</summary>
    private static string BaseName(ExpressionSyntax creation, ITypeSymbol type)
    {
        var parent = creation.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        var name = parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } => target.Identifier.ValueText,
            _ => type.Name,
        };
        name = name.TrimStart('_');
        return name.Length == 0 ? "created" : char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static string UniqueFieldName(SemanticModel model, ExpressionSyntax creation, string baseName)
    {
        var candidate = "_" + baseName;
        for (var suffix = 2; model.LookupSymbols(creation.SpanStart, name: candidate).Length > 0; suffix++)
        {
            candidate = "_" + baseName + suffix;
        }

        return candidate;
    }

    /// <summary>
    /// What the creation reads: nothing but constants and statics, instance members, or what is known only
    /// during the call (locals and parameters of the forward pass, and the module's own mutable fields and
    /// settable properties, which the forward pass may set before it gets here).
    /// </summary>
    private static Dependency DependencyOf(SemanticModel model, ExpressionSyntax creation, INamedTypeSymbol module, CancellationToken cancellationToken)
    {
        var result = Dependency.None;
        foreach (var node in creation.DescendantNodesAndSelf())
        {
            if (node is ThisExpressionSyntax or BaseExpressionSyntax)
            {
                result = Dependency.Instance;
                continue;
            }

            if (node is not IdentifierNameSyntax identifier
                || identifier.Parent is NameColonSyntax
                || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not { } symbol)
            {
                continue;
            }

            if (IsMutableStateOf(symbol, module))
            {
                return Dependency.Local;
            }

            if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                continue;
            }

            switch (symbol)
            {
                case ILocalSymbol or IParameterSymbol or IRangeVariableSymbol when !DeclaredInside(symbol, creation):
                    return Dependency.Local;
                case IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol when !symbol.IsStatic && symbol.ContainingSymbol is INamedTypeSymbol:
                    result = Dependency.Instance;
                    break;
            }
        }

        return result;
    }

    private static bool IsMutableStateOf(ISymbol symbol, INamedTypeSymbol module)
    {
        if (symbol.IsStatic || symbol is not (IFieldSymbol { IsReadOnly: false, IsConst: false } or IPropertySymbol { SetMethod: not null }))
        {
            return false;
        }

        for (var type = module; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, symbol.ContainingType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaredInside(ISymbol symbol, SyntaxNode container)
        => symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == container.SyntaxTree && container.Span.Contains(r.Span));

    /// <summary>True when moving the creation into a constructor would make one of its simple names bind to a constructor parameter.</summary>
    private static bool ShadowedByConstructorParameter(SemanticModel model, ExpressionSyntax creation, ConstructorDeclarationSyntax[] constructors, CancellationToken cancellationToken)
    {
        var names = creation.DescendantNodesAndSelf()
            .OfType<IdentifierNameSyntax>()
            .Where(i => i.Parent is not NameColonSyntax && !(i.Parent is MemberAccessExpressionSyntax access && access.Name == i))
            .Where(i => model.GetSymbolInfo(i, cancellationToken).Symbol is IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol)
            .Select(i => i.Identifier.ValueText)
            .ToList();
        return constructors.Any(c => c.ParameterList.Parameters.Any(p => names.Contains(p.Identifier.ValueText)));
    }
}
