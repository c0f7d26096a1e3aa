using System;
using System.Threading;

namespace Parity.Samples.InceptionResnetV2.Slim;

/// <summary>
/// The ambient <see cref="SlimArgs"/>, as TF-Slim's <c>with slim.arg_scope(...)</c>: layers read the
/// innermost scope's defaults. Async-local, so concurrent models never see each other's scopes.
/// </summary>
public static class SlimArgScope
{
    private static readonly AsyncLocal<SlimArgs?> Innermost = new();

    /// <summary>The defaults in effect.</summary>
    public static SlimArgs Current => Innermost.Value ?? SlimArgs.Defaults;

    /// <summary>Makes <paramref name="change"/> of the current defaults the defaults until disposed.</summary>
    /// <param name="change">Derives the new defaults from the current ones, e.g. <c>a =&gt; a with { ConvPadding = Padding.Valid }</c>.</param>
    /// <returns>Disposing it restores the enclosing defaults.</returns>
    public static IDisposable Push(Func<SlimArgs, SlimArgs> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var outer = Innermost.Value;
        Innermost.Value = change(outer ?? SlimArgs.Defaults);
        return new Restore(outer);
    }

    private sealed class Restore(SlimArgs? outer) : IDisposable
    {
        public void Dispose() => Innermost.Value = outer;
    }
}
