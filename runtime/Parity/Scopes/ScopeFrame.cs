namespace Parity;

/// <summary>An open variable scope: its name node and the defaults it gives the variables created inside.</summary>
internal sealed record ScopeFrame(ScopeNode Node, Reuse Reuse, Initializer? Initializer, Regularizer? Regularizer)
{
    /// <summary>Full scope name, <c>""</c> at the root.</summary>
    public string Name => Node.FullName;

    /// <summary><paramref name="name"/> qualified by this scope (<c>scope/name</c>).</summary>
    public string Qualify(string name) => Node.Qualify(name);
}
