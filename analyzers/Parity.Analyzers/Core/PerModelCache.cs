using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Core;

/// <summary>
/// What several rules find in one tree, computed once per semantic model: the host hands every analyzer
/// the same model of a tree, so the first rule to ask pays and the others reuse the answer.
/// </summary>
/// <typeparam name="T">The kind of item found in a tree.</typeparam>
internal sealed class PerModelCache<T>
{
    private readonly ConditionalWeakTable<SemanticModel, Entry> entries = new();

    /// <summary>The items of <paramref name="model"/>'s tree, found by <paramref name="find"/> on first use.</summary>
    public ImmutableArray<T> Get(SemanticModel model, Func<SemanticModel, ImmutableArray<T>> find)
    {
        if (entries.TryGetValue(model, out var entry))
        {
            return entry.Items;
        }

        // Found outside the table's lock; if another rule stored the same list meanwhile, either is the answer.
        var items = find(model);
        return entries.GetValue(model, _ => new Entry(items)).Items;
    }

    // ConditionalWeakTable needs a reference type for its values.
    private sealed class Entry
    {
        public Entry(ImmutableArray<T> items) => Items = items;

        public ImmutableArray<T> Items { get; }
    }
}
