using System.Collections.Generic;

namespace Parity;

/// <summary>Gathers a module's variables: own weights, sublayers in fields, then its store, each variable once.</summary>
internal static class VariableCollector
{
    public static IReadOnlyList<Variable> Collect(Module root, bool? trainable)
    {
        var result = new List<Variable>();
        var seenVariables = new HashSet<Variable>(ReferenceEqualityComparer.Instance);
        var seenModules = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        Visit(root, result, seenVariables, seenModules);
        if (trainable is { } wanted)
        {
            result.RemoveAll(variable => variable.Trainable != wanted);
        }

        return result;
    }

    private static void Visit(Module module, List<Variable> result, HashSet<Variable> seenVariables, HashSet<Module> seenModules)
    {
        if (!seenModules.Add(module))
        {
            return;
        }

        foreach (var variable in module.OwnVariables)
        {
            Add(variable, result, seenVariables);
        }

        foreach (var held in SublayerFields.Read(module))
        {
            VisitEntry(held, result, seenVariables, seenModules);
        }

        if (module.Store is { } store)
        {
            foreach (var entry in store.Entries())
            {
                VisitEntry(entry, result, seenVariables, seenModules);
            }
        }
    }

    private static void VisitEntry(object entry, List<Variable> result, HashSet<Variable> seenVariables, HashSet<Module> seenModules)
    {
        if (entry is Variable variable)
        {
            Add(variable, result, seenVariables);
        }
        else if (entry is Module child)
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
