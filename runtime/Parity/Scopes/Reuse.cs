namespace Parity;

/// <summary>
/// TF1's variable reuse rule for a variable scope. It matters in a <see cref="LegacyGraph"/>; the store
/// of a tracked module always gets-or-creates, as TF2's shim does.
/// </summary>
public enum Reuse
{
    /// <summary>Take the enclosing scope's rule (at the root: <see cref="False"/>).</summary>
    Inherit,

    /// <summary>Create new variables; asking twice for one name in the same run is an error.</summary>
    False,

    /// <summary>Only return existing variables; asking for a missing one is an error. Inherited by every scope inside.</summary>
    True,

    /// <summary>Return the variable when it exists, create it otherwise.</summary>
    Auto,
}
