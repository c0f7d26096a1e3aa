using System;
using System.Threading;

namespace Parity;

/// <summary>
/// The variable creator chain. Every variable the runtime creates (an explicit
/// <see cref="Variable"/> constructor, <c>GetVariable</c>, layer weights) passes through the creators
/// pushed here, innermost first, before it is materialised.
/// </summary>
/// <remarks>
/// The chain is flowed with the execution context (<see cref="AsyncLocal{T}"/>): a creator pushed by
/// one test or thread is never seen by another running in parallel, while tasks started inside the
/// scope inherit it.
/// </remarks>
public static class VariableCreatorScope
{
    private static readonly AsyncLocal<Link?> Innermost = new();

    /// <summary>
    /// Pushes <paramref name="creator"/> as the innermost creator until the returned handle is disposed.
    /// </summary>
    /// <param name="creator">The creator to run first for every variable created inside the scope.</param>
    /// <returns>A handle that removes the creator; dispose it in reverse order of pushing (a <c>using</c> does this).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="creator"/> is null.</exception>
    public static IDisposable Push(VariableCreator creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        var link = new Link(creator, Innermost.Value);
        Innermost.Value = link;
        return new Popper(link);
    }

    /// <summary>Whether any creator is active in the current execution context.</summary>
    public static bool IsActive => Innermost.Value is not null;

    /// <summary>
    /// Runs the creators active in the current execution context, innermost first, ending with
    /// <paramref name="materialize"/> which actually makes the variable.
    /// </summary>
    internal static Variable Create(VariableCreationArgs args, Func<VariableCreationArgs, Variable> materialize)
    {
        var link = Innermost.Value;
        return link is null ? materialize(args) : Invoke(link, args, materialize);
    }

    private static Variable Invoke(Link? link, VariableCreationArgs args, Func<VariableCreationArgs, Variable> materialize)
    {
        if (link is null)
        {
            return materialize(args);
        }

        var outer = link.Outer;
        var created = link.Creator(args, next => Invoke(outer, next ?? throw new ArgumentNullException(nameof(next)), materialize));
        return created ?? throw new InvalidOperationException(
            $"A variable creator returned null for '{args.Name}'. A creator must return the variable from 'next' or one of its own.");
    }

    private sealed record Link(VariableCreator Creator, Link? Outer);

    private sealed class Popper(Link link) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            if (!ReferenceEquals(Innermost.Value, link))
            {
                throw new InvalidOperationException(
                    "Variable creator scopes must be disposed in reverse order of pushing, on the same execution flow that pushed them. Wrap each Push in a 'using'.");
            }

            disposed = true;
            Innermost.Value = link.Outer;
        }
    }
}
