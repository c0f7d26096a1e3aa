using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;

namespace Parity.Slim;

/// <summary>
/// TF-Slim's <c>arg_scope</c>: per-function default arguments, nestable. Opening a scope for some
/// functions copies the enclosing defaults and updates those functions' entries with the new
/// arguments; a layer call takes its function's entry and lets its explicit arguments win. Async-local,
/// so concurrent models never see each other's scopes.
/// </summary>
/// <example>
/// <code>
/// using (ArgScope.Open([SlimOp.Conv2d, SlimOp.SeparableConv2d], new SlimArgs { ActivationFn = SlimLayers.Relu6, NormalizerFn = SlimLayers.BatchNormalizer }))
/// using (ArgScope.Open([SlimOp.BatchNorm], new SlimArgs { Scale = true, Decay = 0.9997 }))
/// {
///     net = SlimLayers.Conv2d(net, 32, 3, stride: 2, scope: "Conv2d_0");
/// }
/// </code>
/// </example>
public static class ArgScope
{
    private static readonly AsyncLocal<SavedArgScope?> Innermost = new();

    /// <summary>The defaults in effect (slim's <c>current_arg_scope()</c>), to reopen later with <see cref="Open(SavedArgScope)"/>.</summary>
    public static SavedArgScope Current => Innermost.Value ?? SavedArgScope.Empty;

    /// <summary>
    /// Opens <c>arg_scope(ops, **args)</c> until disposed. Every argument set must be one that each of
    /// <paramref name="ops"/> takes; slim would fail with a TypeError at the first call, this fails here.
    /// </summary>
    /// <param name="ops">The functions the defaults apply to.</param>
    /// <param name="args">The defaults.</param>
    /// <returns>Disposing it restores the enclosing defaults.</returns>
    /// <exception cref="ArgumentException">A function does not take one of the arguments.</exception>
    public static IDisposable Open(IReadOnlyList<SlimOp> ops, SlimArgs args)
    {
        ArgumentNullException.ThrowIfNull(ops);
        ArgumentNullException.ThrowIfNull(args);
        var entries = Current.Entries;
        foreach (var op in ops)
        {
            SlimArguments.Check(op, args, "arg_scope");
            entries = entries.SetItem(op, entries.TryGetValue(op, out var existing) ? existing.With(args) : args);
        }

        return Open(new SavedArgScope(entries));
    }

    /// <summary>Reopens saved defaults (slim's <c>with arg_scope(sc):</c> for a scope a <c>*_arg_scope()</c> function returned).</summary>
    /// <param name="saved">Defaults captured with <see cref="Current"/>.</param>
    /// <returns>Disposing it restores the enclosing defaults.</returns>
    public static IDisposable Open(SavedArgScope saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var outer = Innermost.Value;
        Innermost.Value = saved;
        return new Restore(outer);
    }

    /// <summary>The arguments a call of <paramref name="op"/> uses: its scope entry with <paramref name="explicitArgs"/> winning.</summary>
    /// <param name="op">The function called.</param>
    /// <param name="explicitArgs">The arguments the call passed.</param>
    /// <returns>The merged arguments (unset ones take the function's own default).</returns>
    public static SlimArgs Resolve(SlimOp op, SlimArgs explicitArgs)
    {
        ArgumentNullException.ThrowIfNull(explicitArgs);
        return Current.Entries.TryGetValue(op, out var scoped) ? scoped.With(explicitArgs) : explicitArgs;
    }

    private sealed class Restore(SavedArgScope? outer) : IDisposable
    {
        public void Dispose() => Innermost.Value = outer;
    }
}

/// <summary>A snapshot of arg-scope defaults, per function (slim's scope dictionary).</summary>
public sealed class SavedArgScope
{
    internal SavedArgScope(ImmutableDictionary<SlimOp, SlimArgs> entries) => Entries = entries;

    /// <summary>No defaults.</summary>
    public static SavedArgScope Empty { get; } = new(ImmutableDictionary<SlimOp, SlimArgs>.Empty);

    /// <summary>The defaults of each function that has any.</summary>
    public ImmutableDictionary<SlimOp, SlimArgs> Entries { get; }

    /// <summary>The defaults for <paramref name="op"/>; <see cref="SlimArgs.None"/> when it has none.</summary>
    /// <param name="op">The function.</param>
    /// <returns>Its defaults.</returns>
    public SlimArgs For(SlimOp op) => Entries.TryGetValue(op, out var args) ? args : SlimArgs.None;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join("; ", Entries.OrderBy(e => e.Key).Select(e => $"{e.Key}: {string.Join(", ", e.Value.SetNames())}"));
}
