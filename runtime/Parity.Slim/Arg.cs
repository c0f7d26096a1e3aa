namespace Parity.Slim;

/// <summary>
/// An argument that may be left unset, for the slim arguments that Python lets you set to <c>None</c>
/// (<c>activation_fn=None</c> means "no activation", not "the arg scope's"). An unset argument takes
/// the arg scope's value, else the layer's default; a set one wins, even when it is null.
/// </summary>
/// <typeparam name="T">The argument's type.</typeparam>
public readonly struct Arg<T> : System.IEquatable<Arg<T>>
{
    private Arg(T value)
    {
        IsSet = true;
        Value = value;
    }

    /// <summary>Whether the argument was given.</summary>
    public bool IsSet { get; }

    /// <summary>The given value (meaningless when not <see cref="IsSet"/>).</summary>
    public T Value { get; }

    /// <summary>An argument set to <paramref name="value"/>; <c>null</c> sets it to none.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Arg<T>(T value) => new(value);

    /// <summary>An argument set to <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The set argument.</returns>
    public static Arg<T> Of(T value) => new(value);

    /// <summary>This argument when set, else <paramref name="under"/>.</summary>
    /// <param name="under">The value it overrides.</param>
    /// <returns>The winner.</returns>
    public Arg<T> Over(Arg<T> under) => IsSet ? this : under;

    /// <summary>The value when set, else <paramref name="fallback"/>.</summary>
    /// <param name="fallback">The layer's default.</param>
    /// <returns>The value to use.</returns>
    public T Or(T fallback) => IsSet ? Value : fallback;

    /// <inheritdoc/>
    public bool Equals(Arg<T> other) => IsSet == other.IsSet && System.Collections.Generic.EqualityComparer<T>.Default.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Arg<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(IsSet, Value);

    /// <inheritdoc/>
    public override string ToString() => IsSet ? $"{Value?.ToString() ?? "None"}" : "(unset)";

    /// <summary>Equality.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Arg<T> left, Arg<T> right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Arg<T> left, Arg<T> right) => !left.Equals(right);
}
