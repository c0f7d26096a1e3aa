using System.Collections;
using System.Runtime.CompilerServices;
using TorchSharp;

namespace Parity;

/// <summary>Moves the tensors reachable from a forward pass's result out of the call's dispose scope.</summary>
internal static class ResultKeeper
{
    /// <summary>Moves the result's tensors out; returns whether any of them records an autograd graph.</summary>
    public static bool MoveOut(object? result)
    {
        switch (result)
        {
            case null:
                return false;
            case torch.Tensor tensor:
                tensor.MoveToOuterDisposeScope();
                return tensor.requires_grad;
            case ITensorContainer container:
                return MoveAll(container.Tensors);
            case ITuple tuple:
                var tupleGraph = false;
                for (var i = 0; i < tuple.Length; i++)
                {
                    tupleGraph |= MoveOut(tuple[i]);
                }

                return tupleGraph;
            case IDictionary dictionary:
                return MoveAll(dictionary.Values);
            case string:
                return false;
            case IEnumerable items:
                return MoveAll(items);
            default:
                return false;
        }
    }

    private static bool MoveAll(IEnumerable items)
    {
        var graph = false;
        foreach (var item in items)
        {
            graph |= MoveOut(item);
        }

        return graph;
    }
}
