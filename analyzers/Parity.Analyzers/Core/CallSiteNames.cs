using System;
using System.Collections.Generic;

namespace Parity.Analyzers.Core;

/// <summary>
/// The names through which call sites can reach one kind of marked API: method names for calls, type
/// names (and aliases) for <c>new T(...)</c>.
/// </summary>
internal sealed class CallSiteNames
{
    private readonly HashSet<string> methods;
    private readonly HashSet<string> types;

    private CallSiteNames(HashSet<string> methods, HashSet<string> types)
    {
        this.methods = methods;
        this.types = types;
    }

    /// <summary>Names a call can use.</summary>
    public IReadOnlyCollection<string> Methods => methods;

    /// <summary>Names a creation can use.</summary>
    public IReadOnlyCollection<string> Types => types;

    /// <summary>
    /// True when <paramref name="site"/> may reach one of these APIs: its name is in the set for its kind, or
    /// syntax gives no name (<c>new(...)</c>, a call of a computed delegate).
    /// </summary>
    public bool MayReach(CallSite site)
        => site.Name is null || (site.IsCreation ? types : methods).Contains(site.Name);

    /// <summary>Collects the names while the declarations are walked.</summary>
    public sealed class Builder
    {
        public HashSet<string> Methods { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

        /// <summary>Adds a marked method: a constructor under its type's name, any other method under its own.</summary>
        public void Add(string name, bool isConstructor) => (isConstructor ? Types : Methods).Add(name);

        // Copied, so names already handed out cannot change.
        public CallSiteNames ToNames() => new(new HashSet<string>(Methods, StringComparer.Ordinal), new HashSet<string>(Types, StringComparer.Ordinal));
    }
}
