using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using Parity.Torch;

namespace Parity;

/// <summary>
/// Reads the sublayers and variables a module holds in instance fields (its own and its base
/// classes', declaration order), including those inside arrays, lists and dictionaries.
/// </summary>
internal static class SublayerFields
{
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> Cache = new();

    public static IEnumerable<object> Read(Module module)
    {
        foreach (var field in Cache.GetOrAdd(module.GetType(), Find))
        {
            switch (field.GetValue(module))
            {
                case Module child:
                    yield return child;
                    break;
                case Variable variable:
                    yield return variable;
                    break;
                case IDictionary dictionary:
                    foreach (var value in dictionary.Values)
                    {
                        if (value is Module or Variable)
                        {
                            yield return value;
                        }
                    }

                    break;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        if (item is Module or Variable)
                        {
                            yield return item;
                        }
                    }

                    break;
            }
        }
    }

    private static FieldInfo[] Find(Type type)
    {
        var chain = new List<Type>();
        for (var current = type; current is not null && current != typeof(Module); current = current.BaseType)
        {
            chain.Add(current);
        }

        chain.Reverse();
        var fields = new List<FieldInfo>();
        foreach (var declaring in chain)
        {
            foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (MayHoldVariables(field.FieldType))
                {
                    fields.Add(field);
                }
            }
        }

        return [.. fields];
    }

    private static bool MayHoldVariables(Type fieldType) =>
        typeof(Module).IsAssignableFrom(fieldType)
        || fieldType == typeof(Variable)
        || (typeof(IEnumerable).IsAssignableFrom(fieldType) && fieldType != typeof(string) && fieldType != typeof(Tensor))
        || fieldType == typeof(object);
}
