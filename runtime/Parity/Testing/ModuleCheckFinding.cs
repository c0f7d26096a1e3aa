namespace Parity.Testing;

/// <summary>One problem <see cref="ModuleCheck"/> found, named by the field or registered name it concerns.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Name">The field (<c>layers[1]</c> for an item of a collection) or registered name concerned.</param>
/// <param name="Detail">What was seen and what to do about it.</param>
public sealed record ModuleCheckFinding(ModuleCheckFindingKind Kind, string Name, string Detail)
{
    /// <summary>The finding as one line: kind, name, detail.</summary>
    /// <returns>For example <c>NotRegistered 'heads[0]': ...</c>.</returns>
    public override string ToString() => $"{Kind} '{Name}': {Detail}";
}
