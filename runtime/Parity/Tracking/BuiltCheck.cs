using System;
using TorchSharp;

namespace Parity;

/// <summary>
/// The one error for asking a module for its variables before it has any. A tracked module creates its
/// variables in its first call, so an optimizer, a loader or a <c>state_dict()</c> taken earlier would
/// silently see nothing; every such entry point calls <see cref="Require"/> instead.
/// </summary>
internal static class BuiltCheck
{
    /// <summary>Throws when <paramref name="module"/> is a Parity module that has not built its variables yet.</summary>
    /// <param name="module">The module asked for its variables.</param>
    /// <param name="operation">What was asked, for the message (<c>parameters()</c>, <c>NpzCheckpoint.Load</c>).</param>
    /// <exception cref="InvalidOperationException">The module has no variables before its first call.</exception>
    public static void Require(torch.nn.Module module, string operation)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (module is IParityModule { IsBuilt: false } parity)
        {
            throw new InvalidOperationException(
                $"{operation} was used on module {parity.Name} before its first call. A Parity module creates its variables in its first forward pass, so before that it has nothing to train, save or load. Call it once on a representative input first, then build the optimizer, load weights or read parameters()/state_dict().");
        }
    }
}
