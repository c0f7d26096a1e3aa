using System;

namespace Parity.Compat;

/// <summary>An open variable scope; disposing it closes the scope (use it in a <c>using</c>).</summary>
public sealed class VariableScopeHandle : IDisposable
{
    private readonly ScopeState state;
    private readonly ScopeFrame frame;
    private bool closed;

    internal VariableScopeHandle(ScopeState state, ScopeFrame frame)
    {
        this.state = state;
        this.frame = frame;
    }

    /// <summary>The full name of the scope (<c>model/block</c>): the prefix of the variables created inside.</summary>
    public string Name => frame.Name;

    /// <summary>
    /// Closes the scope and resets the name counters below it. Safe to call more than once, and after
    /// the forward pass that opened it returned (the call already closed it then).
    /// </summary>
    public void Dispose()
    {
        if (closed || !state.IsOpen(frame))
        {
            closed = true;
            return;
        }

        state.Close(frame);
        closed = true;
    }
}
