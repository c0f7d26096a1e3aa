using System.Collections.Generic;
using TorchSharp;

namespace Parity;

/// <summary>Gathers a module's variables: own weights, sublayers in fields, then its store, each variable once.</summary>
internal static class VariableCollector
{
    public static IReadOnlyList<Variable> Collect(torch.nn.Module root, bool? trainable)
    {
        var result = new List<Variable>();
        var seenVariables = new HashSet<Variable>(ReferenceEqualityComparer.Instance);
        var seenModules = new HashSet<torch.nn.Module>(ReferenceEqualityComparer.Instance);
        Visit(root, result, seenVariables, seenModules);
        if (trainable is { } wanted)
        {
            result.RemoveAll(variable => variable.Trainable != wanted);
        }

        return result;
    }

    // Plain TorchSharp modules hold parameters, not variables; only Parity modules are walked.
    private static void Visit(torch.nn.Module module, List<Variable> result, HashSet<Variable> seenVariables, HashSet<torch.nn.Module> seenModules)
    {
        if (module is not IParityModule parity || !seenModules.Add(module))
        {
            return;
        }

        foreach (var variable in parity.OwnVariables)
        {
            Add(variable, result, seenVariables);
        }

        foreach (var held in SublayerFields.Read(module))
        {
            VisitEntry(held, result, seenVariables, seenModules);
        }

        if (parity.Store is { } store)
        {
            foreach (var entry in store.Entries())
            {
                VisitEntry(entry, result, seenVariables, seenModules);
            }
        }
    }

    private static void VisitEntry(object entry, List<Variable> result, HashSet<Variable> seenVariables, HashSet<torch.nn.Module> seenModules)
    {
        if (entry is Variable variable)
        {
            Add(variable, result, seenVariables);
        }
        else if (entry is torch.nn.Module child)
        {
            Visit(child, result, seenVariables, seenModules);
        }
    }

    private static void Add(Variable variable, List<Variable> result, HashSet<Variable> seenVariables)
    {
        if (seenVariables.Add(variable))
        {
            result.Add(variable);
        }
    }
}
