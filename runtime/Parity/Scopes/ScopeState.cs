using System;
using System.Collections.Generic;

namespace Parity;

/// <summary>
/// The scope stack and counters of one owner: the outermost tracked module of a call or a legacy
/// graph. Nested tracked modules share their caller's state, so an outer scope prefixes inner names.
/// </summary>
/// <remarks>
/// Counters live as long as the owner: at the root they are never reset, which is why unnamed layers
/// outside a named scope get new names on every call. A state is used by one call at a time.
/// </remarks>
internal sealed class ScopeState
{
    private readonly List<ScopeFrame> stack = [];
    private readonly HashSet<string> layerNames = new(StringComparer.Ordinal);
    private ScopeNode root = ScopeNode.NewRoot();

    public ScopeState() => stack.Add(new ScopeFrame(root, Reuse.Inherit, null, null));

    public ScopeFrame Current => stack[^1];

    public int Depth => stack.Count;

    /// <summary>Opens <paramref name="relativeName"/> below the current scope, counting the opening.</summary>
    public ScopeFrame Open(string relativeName, Reuse reuse, Initializer? initializer, Regularizer? regularizer) =>
        Enter(Current.Node.Descend(relativeName), reuse, initializer, regularizer);

    /// <summary>Re-enters a scope by its full name (a template's captured scope), counting the opening.</summary>
    public ScopeFrame OpenAbsolute(string fullName, Reuse reuse) =>
        Enter(fullName.Length == 0 ? root : root.Descend(fullName), reuse, null, null);

    /// <summary>Leaves <paramref name="frame"/>, which must be the innermost scope, and resets the counters below it.</summary>
    public void Close(ScopeFrame frame)
    {
        if (!ReferenceEquals(Current, frame))
        {
            throw new InvalidOperationException(
                $"Variable scope '{frame.Name}' was closed while '{Current.Name}' is the innermost open scope. Close scopes in reverse order of opening (a 'using' does this).");
        }

        stack.RemoveAt(stack.Count - 1);
        frame.Node.ResetBelow();
    }

    /// <summary>
    /// The first of <c>base</c>, <c>base_1</c>, <c>base_2</c>, ... not yet opened under the current scope:
    /// the name an unnamed layer gets.
    /// </summary>
    public string UniqueName(string baseName)
    {
        var node = Current.Node;
        if (node.CountOf(baseName) == 0)
        {
            return baseName;
        }

        for (var i = 1; ; i++)
        {
            var candidate = SuffixedNames.Of(baseName, i);
            if (node.CountOf(candidate) == 0)
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// The full weight prefix for a native layer built now: <paramref name="name"/> when given,
    /// otherwise the first of <c>base</c>, <c>base_1</c>, ... no other native layer of this owner took
    /// under the current scope. Scope counters are not touched: a native layer does not reserve a
    /// compat layer's name (that is what <c>RecordScope</c> is for).
    /// </summary>
    public string ClaimLayerName(string? name, string baseName)
    {
        if (name is not null)
        {
            var explicitName = Current.Qualify(name);
            layerNames.Add(explicitName);
            return explicitName;
        }

        var candidate = Current.Qualify(baseName);
        for (var i = 1; !layerNames.Add(candidate); i++)
        {
            candidate = Current.Qualify(SuffixedNames.Of(baseName, i));
        }

        return candidate;
    }

    /// <summary>Whether <paramref name="frame"/> (this very opening, not another of the same scope) is still open.</summary>
    public bool IsOpen(ScopeFrame frame)
    {
        foreach (var open in stack)
        {
            if (ReferenceEquals(open, frame))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Closes scopes left open above <paramref name="depth"/> (a forward pass that threw).</summary>
    public void TruncateTo(int depth)
    {
        while (stack.Count > depth)
        {
            Close(Current);
        }
    }

    /// <summary>Forgets every counter: a legacy graph's run starts from a fresh name space each time.</summary>
    public void ResetCounters()
    {
        TruncateTo(1);
        root = ScopeNode.NewRoot();
        stack[0] = new ScopeFrame(root, Reuse.Inherit, null, null);
    }

    private ScopeFrame Enter(ScopeNode node, Reuse reuse, Initializer? initializer, Regularizer? regularizer)
    {
        var parent = Current;
        node.Count++;
        var frame = new ScopeFrame(
            node,
            EffectiveReuse(parent.Reuse, reuse),
            initializer ?? parent.Initializer,
            regularizer ?? parent.Regularizer);
        stack.Add(frame);
        return frame;
    }

    // Reuse=True is sticky in TF: a scope inside a reusing scope reuses too.
    private static Reuse EffectiveReuse(Reuse parent, Reuse requested) =>
        parent == Reuse.True || requested == Reuse.Inherit ? parent : requested;
}
