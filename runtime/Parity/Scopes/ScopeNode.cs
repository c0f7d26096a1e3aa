using System;
using System.Collections.Generic;

namespace Parity;

/// <summary>
/// One node of the trie of scope names with its open count, TF's <c>variable_scopes_count</c>
/// keyed by full name, kept as a tree so closing a scope only walks that scope's own subtree.
/// </summary>
internal sealed class ScopeNode
{
    private Dictionary<string, ScopeNode>? children;
    private Dictionary<string, string>? qualified;

    private ScopeNode(string fullName) => FullName = fullName;

    /// <summary>Full scope name, <c>""</c> for the root.</summary>
    public string FullName { get; }

    /// <summary>How often this scope has been opened since it was last reset.</summary>
    public int Count { get; set; }

    public static ScopeNode NewRoot() => new(string.Empty);

    /// <summary>The node of <paramref name="relativeName"/> below this one, created with count 0 when missing.</summary>
    public ScopeNode Descend(string relativeName)
    {
        if (!relativeName.Contains('/', StringComparison.Ordinal))
        {
            return Child(relativeName);
        }

        var node = this;
        var start = 0;
        while (true)
        {
            var slash = relativeName.IndexOf('/', start);
            var part = slash < 0 ? relativeName[start..] : relativeName[start..slash];
            node = node.Child(part);
            if (slash < 0)
            {
                return node;
            }

            start = slash + 1;
        }
    }

    /// <summary>
    /// <paramref name="name"/> prefixed with this scope (<c>scope/name</c>), cached: layers ask for the
    /// same variable names on every call.
    /// </summary>
    public string Qualify(string name)
    {
        if (FullName.Length == 0)
        {
            return name;
        }

        qualified ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!qualified.TryGetValue(name, out var full))
        {
            full = FullName + "/" + name;
            qualified.Add(name, full);
        }

        return full;
    }

    /// <summary>The open count of a direct child, 0 when it was never opened.</summary>
    public int CountOf(string childName) =>
        children is not null && children.TryGetValue(childName, out var child) ? child.Count : 0;

    /// <summary>Zeroes the counts of every scope strictly below this one (what leaving a scope does in TF).</summary>
    public void ResetBelow()
    {
        if (children is null)
        {
            return;
        }

        foreach (var child in children.Values)
        {
            child.Count = 0;
            child.ResetBelow();
        }
    }

    private ScopeNode Child(string name)
    {
        children ??= new Dictionary<string, ScopeNode>(StringComparer.Ordinal);
        if (!children.TryGetValue(name, out var child))
        {
            child = new ScopeNode(FullName.Length == 0 ? name : FullName + "/" + name);
            children.Add(name, child);
        }

        return child;
    }
}
