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

    /// <summary>
    /// The items of <paramref name="model"/>'s tree, found by <paramref name="find"/> from <paramref name="state"/>
    /// on first use. The state is passed rather than captured: this is asked once per tree by every rule, and a
    /// capturing lambda would be a new closure each time.
    /// </summary>
    public ImmutableArray<T> Get<TState>(SemanticModel model, TState state, Func<SemanticModel, TState, ImmutableArray<T>> find)
    {
        if (entries.TryGetValue(model, out var entry))
        {
            return entry.Items;
        }

        // Found outside the table's lock; if another rule stored the same list meanwhile, either is the answer.
        var items = find(model, state);
        return entries.GetValue(model, _ => new Entry(items)).Items;
    }

    // ConditionalWeakTable needs a reference type for its values.
    private sealed class Entry
    {
        public Entry(ImmutableArray<T> items) => Items = items;

        public ImmutableArray<T> Items { get; }
    }
}
