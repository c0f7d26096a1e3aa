using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Parity.Analyzers.Core;

/// <summary>
/// Recognises the create-once patterns that make creation inside a forward pass safe: the value is
/// created on the first call only and reused afterwards.
/// </summary>
/// <remarks>
/// Recognised: <c>field ??= create</c>; creation under <c>if (field is null)</c>, <c>if (field == null)</c>
/// or <c>if (!built)</c> (also in the <c>else</c> of the opposite test, and with <c>&amp;&amp;</c>/<c>||</c>
/// combinations that imply it); creation after an early exit <c>if (field is not null) return ...;</c>; and
/// creation inside a lambda passed to a <c>[CreateOnce]</c> parameter. Only fields and properties count:
/// a local is fresh on every call, so testing it guards nothing.
/// </remarks>
internal static class CreateOnceGuards
{
    /// <summary>True when <paramref name="operation"/> runs at most once per module instance.</summary>
    public static bool IsCreatedOnce(IOperation operation, KnownSymbols symbols)
        => IsInCreateOnceDelegate(operation, symbols) || IsStoredByCoalesceAssignment(operation) || IsUnderGuard(operation);

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

    private static IArgumentOperation? ArgumentOf(IOperation lambda)
    {
        var current = lambda.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current as IArgumentOperation;
    }

    private static bool IsStoredByCoalesceAssignment(IOperation operation)
    {
        var current = operation;
        while (current.Parent is IConversionOperation)
        {
            current = current.Parent;
        }

        return current.Parent is ICoalesceAssignmentOperation assignment
            && assignment.Value == current
            && IsMemberReference(assignment.Target);
    }

    private static bool IsUnderGuard(IOperation operation)
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
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    // A lambda or local function body may run on its own schedule; guards outside it do not hold inside.
                    return false;
            }
        }

        return false;
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
            default:
                // A bool field or property such as "built" is true once the value exists.
                return !notYetCreated && IsMemberReference(condition) && condition.Type?.SpecialType == SpecialType.System_Boolean;
        }
    }

    /// <summary>True for "null", false for "not null", null for patterns that say neither.</summary>
    private static bool? PatternMatchesOnlyNull(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant when IsNullConstant(constant.Value) => true,
        INegatedPatternOperation negated => !PatternMatchesOnlyNull(negated.Pattern),
        IRecursivePatternOperation { DeconstructionSubpatterns.Length: 0, PropertySubpatterns.Length: 0, DeclaredSymbol: null } => false,
        _ => null,
    };

    private static bool IsNullCheckOfMember(IOperation left, IOperation right)
        => (IsNullConstant(right) && IsMemberReference(left)) || (IsNullConstant(left) && IsMemberReference(right));

    private static bool IsNullConstant(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };
    }

    private static bool IsMemberReference(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation is IFieldReferenceOperation or IPropertyReferenceOperation;
    }
}
