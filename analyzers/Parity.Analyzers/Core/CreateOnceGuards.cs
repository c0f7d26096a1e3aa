using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Parity.Analyzers.Core;

/// <summary>
/// Recognises the create-once patterns that make creation inside a forward pass safe: the value is
/// created on the first call only and reused afterwards.
/// </summary>
/// <remarks>
/// Recognised: <c>member ??= create</c>, <c>member = member ?? create</c> and <c>member ?? (member = create)</c>;
/// creation under <c>if (member is null)</c>, <c>if (member == null)</c>, <c>if (!built)</c> (when the method
/// sets <c>built</c>) or
/// <c>if (!cache.TryGetValue(...))</c> (also in the <c>else</c> of the opposite test, and with
/// <c>&amp;&amp;</c>/<c>||</c> combinations that imply it); creation after an early exit such as
/// <c>if (member is { } m) return ...;</c>; creation in a lambda given to a <c>[CreateOnce]</c> parameter,
/// to <c>GetOrAdd</c> of a kept dictionary, or to a <c>Lazy&lt;T&gt;</c> that is itself created once; and
/// creation in a local function whose every call is created once; and creation inside the arguments or
/// initializer of an expression that is itself stored that way. A member is a field, property, element
/// or indexer reached from <c>this</c> or a static: a local is fresh on every call, so testing it guards nothing.
/// </remarks>
internal static class CreateOnceGuards
{
    // Local functions that call each other (or themselves) would otherwise be followed forever.
    private const int MaxDepth = 8;

    /// <summary>True when <paramref name="operation"/> runs at most once per module instance.</summary>
    public static bool IsCreatedOnce(IOperation operation, KnownSymbols symbols) => IsCreatedOnce(operation, symbols, depth: 0);

    /// <summary>True when <paramref name="operation"/> is inside a lambda given to a <c>[CreateOnce]</c> parameter.</summary>
    public static bool IsInCreateOnceDelegate(IOperation operation, KnownSymbols symbols)
    {
        if (symbols.CreateOnce is null)
        {
            return false;
        }

        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation && ArgumentOf(current) is { Parameter: { } parameter } && symbols.IsCreateOnceParameter(parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The argument <paramref name="lambda"/> is passed as, looking through its delegate conversion; null when it is not an argument.</summary>
    public static IArgumentOperation? ArgumentOf(IOperation lambda)
    {
        var current = lambda.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current as IArgumentOperation;
    }

    private static bool IsCreatedOnce(IOperation operation, KnownSymbols symbols, int depth)
        => depth <= MaxDepth && (IsInCreateOnceDelegate(operation, symbols) || IsStoredIfMissing(operation) || IsUnderGuard(operation, symbols, depth));

    /// <summary>True when <paramref name="operation"/> is the value of <c>m ??= v</c>, <c>m = m ?? v</c> or <c>m ?? (m = v)</c> for a member <c>m</c>.</summary>
    private static bool IsStoredIfMissing(IOperation operation)
    {
        var current = OuterConversion(operation);
        return current.Parent switch
        {
            ICoalesceAssignmentOperation coalesceAssignment when coalesceAssignment.Value == current => IsMemberReference(coalesceAssignment.Target),
            ICoalesceOperation coalesce when coalesce.WhenNull == current
                => OuterConversion(coalesce).Parent is ISimpleAssignmentOperation assignment && IsSameMember(assignment.Target, coalesce.Value),
            ISimpleAssignmentOperation assignment when assignment.Value == current
                => OuterConversion(assignment) is var stored && stored.Parent is ICoalesceOperation coalesce && coalesce.WhenNull == stored && IsSameMember(assignment.Target, coalesce.Value),
            _ => false,
        };
    }

    private static bool IsUnderGuard(IOperation operation, KnownSymbols symbols, int depth)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IConditionalOperation conditional when conditional.Condition != child:
                    var inTrueBranch = conditional.WhenTrue == child;
                    if (Implies(conditional.Condition, notYetCreated: inTrueBranch))
                    {
                        return true;
                    }

                    break;
                case IBlockOperation block when FollowsEarlyExit(block, child):
                    return true;
                case IAnonymousFunctionOperation lambda:
                    // A lambda may run on its own schedule; guards outside it hold only for the delegates below.
                    return DelegateRunsOnce(lambda, symbols, depth);
                case ILocalFunctionOperation localFunction:
                    return EveryCallIsCreatedOnce(localFunction, symbols, depth);
            }

            // Part of an expression that is stored once runs when it does: "m ??= Seq(new Dense(2))". (Lambdas
            // returned above, so a stored delegate never counts.)
            if (IsStoredIfMissing(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="lambda"/> runs once: given to <c>GetOrAdd</c> of a kept dictionary (once per
    /// key), or to a <c>Lazy&lt;T&gt;</c> (once per Lazy) that is itself created once.
    /// </summary>
    private static bool DelegateRunsOnce(IAnonymousFunctionOperation lambda, KnownSymbols symbols, int depth)
        => ArgumentOf(lambda)?.Parent switch
        {
            IInvocationOperation { TargetMethod.Name: "GetOrAdd", Instance: { } dictionary } => IsMemberReference(dictionary),
            IObjectCreationOperation { Type: INamedTypeSymbol { Name: "Lazy", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } lazy
                => IsCreatedOnce(lazy, symbols, depth + 1),
            _ => false,
        };

    /// <summary>
    /// True when every call of <paramref name="localFunction"/> in its method is created once (a function that
    /// is never called never runs); false when it is turned into a delegate, which may run anywhere.
    /// </summary>
    private static bool EveryCallIsCreatedOnce(ILocalFunctionOperation localFunction, KnownSymbols symbols, int depth)
    {
        foreach (var descendant in OperationTree.RootOf(localFunction).Descendants())
        {
            switch (descendant)
            {
                case IInvocationOperation call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, localFunction.Symbol):
                    if (!IsCreatedOnce(call, symbols, depth + 1))
                    {
                        return false;
                    }

                    break;
                case IMethodReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, localFunction.Symbol):
                    return false;
            }
        }

        return true;
    }

    /// <summary>True when a statement before <paramref name="child"/> in <paramref name="block"/> leaves early once the value exists.</summary>
    private static bool FollowsEarlyExit(IBlockOperation block, IOperation child)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return false;
            }

            if (statement is IConditionalOperation { WhenFalse: null } conditional
                && ExitsUnconditionally(conditional.WhenTrue)
                && Implies(conditional.Condition, notYetCreated: false))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ExitsUnconditionally(IOperation branch) => branch switch
    {
        IReturnOperation or IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => ExitsUnconditionally(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="condition"/> being true proves the guarded value does not exist yet
    /// (<paramref name="notYetCreated"/>) or already exists (otherwise).
    /// </summary>
    private static bool Implies(IOperation condition, bool notYetCreated)
    {
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implies(not.Operand, !notYetCreated);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                // "a && b" being true makes both true; being false proves nothing about either.
                return Implies(and.LeftOperand, notYetCreated) || Implies(and.RightOperand, notYetCreated);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                // "a || b" being true makes one of them true, so both must prove the same thing.
                return Implies(or.LeftOperand, notYetCreated) && Implies(or.RightOperand, notYetCreated);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when IsNullCheckOfMember(comparison.LeftOperand, comparison.RightOperand):
                return (comparison.OperatorKind == BinaryOperatorKind.Equals) == notYetCreated;
            case IIsPatternOperation { Pattern: var pattern } isPattern when IsMemberReference(isPattern.Value):
                return PatternMatchesOnlyNull(pattern) is bool matchesNull && matchesNull == notYetCreated;
            case IConversionOperation conversion:
                return Implies(conversion.Operand, notYetCreated);
            case IInvocationOperation { TargetMethod.Name: "TryGetValue" or "ContainsKey", Instance: { } cache } when IsMemberReference(cache):
                // A lookup in a dictionary the module keeps finds what an earlier call stored.
                return !notYetCreated;
            default:
                // A bool member such as "built" is true once the value exists, if this method is what sets it;
                // otherwise it is a setting (a training flag, an option) that guards nothing.
                return !notYetCreated && condition.Type?.SpecialType == SpecialType.System_Boolean && IsMemberReference(condition) && IsAssignedInMethod(condition);
        }
    }

    /// <summary>True for "null", false for "not null", null for patterns that say neither.</summary>
    private static bool? PatternMatchesOnlyNull(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant when IsNullConstant(constant.Value) => true,
        INegatedPatternOperation negated => !PatternMatchesOnlyNull(negated.Pattern),
        IRecursivePatternOperation { DeconstructionSubpatterns.Length: 0, PropertySubpatterns.Length: 0 } => false,
        IDeclarationPatternOperation { MatchesNull: false } or ITypePatternOperation => false,
        _ => null,
    };

    private static bool IsNullCheckOfMember(IOperation left, IOperation right)
        => (IsNullConstant(right) && IsMemberReference(left)) || (IsNullConstant(left) && IsMemberReference(right));

    private static bool IsNullConstant(IOperation operation)
        => SkipConversions(operation) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };

    /// <summary>True for a field, property, element or indexer reached from <c>this</c> or a static: state that outlives the call.</summary>
    private static bool IsMemberReference(IOperation operation)
        => SkipConversions(operation) switch
        {
            IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member => member.Instance is null or IInstanceReferenceOperation || IsMemberReference(member.Instance),
            IArrayElementReferenceOperation element => IsMemberReference(element.ArrayReference),
            _ => false,
        };

    /// <summary>True when the method holding <paramref name="reference"/> assigns the member it reads.</summary>
    private static bool IsAssignedInMethod(IOperation reference)
    {
        foreach (var descendant in OperationTree.RootOf(reference).Descendants())
        {
            if (descendant is ISimpleAssignmentOperation assignment && IsSameMember(assignment.Target, reference))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSameMember(IOperation left, IOperation right)
        => SkipConversions(left) is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target
            && SkipConversions(right) is IMemberReferenceOperation value
            && SymbolEqualityComparer.Default.Equals(target.Member, value.Member)
            && IsMemberReference(target);

    private static IOperation SkipConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static IOperation OuterConversion(IOperation operation)
    {
        while (operation.Parent is IConversionOperation conversion)
        {
            operation = conversion;
        }

        return operation;
    }
}
