using System.Collections.Immutable;

namespace Parity.Analyzers.Core;

/// <summary>
/// The names through which call sites can reach one kind of marked API: method names for calls, type
/// names (and aliases) for <c>new T(...)</c>.
/// </summary>
internal sealed class CallSiteNames
{
    private CallSiteNames(ImmutableHashSet<string> methods, ImmutableHashSet<string> types)
    {
        Methods = methods;
        Types = types;
    }

    /// <summary>Names a call can use.</summary>
    public ImmutableHashSet<string> Methods { get; }

    /// <summary>Names a creation can use.</summary>
    public ImmutableHashSet<string> Types { get; }

    /// <summary>
    /// True when <paramref name="site"/> may reach one of these APIs: its name is in the set for its kind, or
    /// syntax gives no name (<c>new(...)</c>, a call of a computed delegate).
    /// </summary>
    public bool MayReach(CallSite site)
        => site.Name is null || (site.IsCreation ? Types : Methods).Contains(site.Name);

    /// <summary>Collects the names while the declarations are walked.</summary>
    public sealed class Builder
    {
        public ImmutableHashSet<string>.Builder Methods { get; } = ImmutableHashSet.CreateBuilder<string>();

        public ImmutableHashSet<string>.Builder Types { get; } = ImmutableHashSet.CreateBuilder<string>();

        /// <summary>Adds a marked method: a constructor under its type's name, any other method under its own.</summary>
        public void Add(string name, bool isConstructor) => (isConstructor ? Types : Methods).Add(name);

        public CallSiteNames ToNames() => new(Methods.ToImmutable(), Types.ToImmutable());
    }
}
