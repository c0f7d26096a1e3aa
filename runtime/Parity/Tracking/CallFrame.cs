using System;
using System.Threading;

namespace Parity;

/// <summary>
/// What the code running right now sees: the variable store, the scope state and the training mode
/// of the innermost module call or legacy graph run. Flowed with the execution context, so parallel
/// tests and threads never see each other's frames.
/// </summary>
internal sealed class CallFrame(IParityModule? module, VariableStore? store, ScopeState? scopes, bool training)
{
    private static readonly AsyncLocal<CallFrame?> CurrentFrame = new();

    public static CallFrame? Current
    {
        get => CurrentFrame.Value;
        set => CurrentFrame.Value = value;
    }

    /// <summary>The module whose forward pass this is, or <see langword="null"/> for a legacy graph run.</summary>
    public IParityModule? Module => module;

    /// <summary>The store that store APIs use, or <see langword="null"/> when no tracked method or legacy graph is active.</summary>
    public VariableStore? Store => store;

    /// <summary>The shared scope stack and counters; present whenever <see cref="Store"/> is.</summary>
    public ScopeState? Scopes => scopes;

    /// <summary>Whether this call runs in training mode.</summary>
    public bool Training => training;

    /// <summary>
    /// The active store and scope state, or the error that tells the author how to get one.
    /// </summary>
    /// <param name="api">The API that needs the store, for the message.</param>
    public static (VariableStore Store, ScopeState Scopes) RequireStore(string api)
    {
        var frame = CurrentFrame.Value;
        if (frame?.Store is { } found && frame.Scopes is { } scopes)
        {
            return (found, scopes);
        }

        var where = frame?.Module is { } owner
            ? $"the forward pass of {owner.Name}, which is not tracked"
            : "code that runs outside any tracked forward pass or legacy graph";
        throw new InvalidOperationException(
            $"{api} needs a variable store, but it was called from {where}. Add [TrackVariables] to the Forward override of the module that runs this code, or run it inside LegacyGraph.Run(...).");
    }
}
