using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Core;

/// <summary>Where an operation sits in the operation tree of the body that holds it.</summary>
internal static class OperationTree
{
    /// <summary>The root of the tree holding <paramref name="operation"/>: the whole body of its method, initializer or accessor.</summary>
    public static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
