using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using TorchSharp;

namespace Parity;

/// <summary>
/// Reads the modules and variables a Parity module holds in instance fields (its own and its base
/// classes', declaration order), including those inside arrays, lists and dictionaries.
/// </summary>
internal static class SublayerFields
{
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> Cache = new();

    /// <summary>Every module and variable held, without names.</summary>
    public static IEnumerable<object> Read(torch.nn.Module module)
    {
        foreach (var (_, value) in ReadNamed(module))
        {
            yield return value;
        }
    }

    /// <summary>
    /// Every module and variable held, named by its field; an item of a collection is named
    /// <c>field_index</c> (or <c>field_key</c> for a dictionary).
    /// </summary>
    public static IEnumerable<(string Name, object Value)> ReadNamed(torch.nn.Module module)
    {
        foreach (var field in Cache.GetOrAdd(module.GetType(), Find))
        {
            var name = FieldName(field);
            switch (field.GetValue(module))
            {
                case torch.nn.Module child:
                    yield return (name, child);
                    break;
                case Variable variable:
                    yield return (name, variable);
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (entry.Value is torch.nn.Module or Variable)
                        {
                            yield return ($"{name}_{entry.Key}", entry.Value);
                        }
                    }

                    break;
                case IEnumerable items and not string and not torch.Tensor:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is torch.nn.Module or Variable)
                        {
                            yield return ($"{name}_{index}", item);
                        }

                        index++;
                    }

                    break;
            }
        }
    }

    // An auto-property's backing field is <Name>k__BackingField; the property's name reads better.
    private static string FieldName(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.IndexOf('>') is > 1 and var end ? field.Name[1..end] : field.Name;

    private static FieldInfo[] Find(Type type)
    {
        var chain = new List<Type>();
        for (var current = type; current is not null && !IsFrameworkBase(current); current = current.BaseType)
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

    // Parity's and TorchSharp's own base classes hold bookkeeping, never a user's sublayers.
    private static bool IsFrameworkBase(Type type) =>
        type.Assembly == typeof(torch.nn.Module).Assembly
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Module<,>));

    private static bool MayHoldVariables(Type fieldType) =>
        typeof(torch.nn.Module).IsAssignableFrom(fieldType)
        || fieldType == typeof(Variable)
        || (typeof(IEnumerable).IsAssignableFrom(fieldType) && fieldType != typeof(string) && !typeof(torch.Tensor).IsAssignableFrom(fieldType))
        || fieldType == typeof(object);
}
