using System;
using System.Collections.Generic;
using System.Threading;

namespace Parity.Torch;

/// <summary>
/// Disposes, when it is disposed, every tensor created in this async flow while it was the innermost
/// open scope, except the ones moved out with <see cref="MoveToOuter"/>,
/// <see cref="Tensor.MoveToOuterDisposeScope"/> or <see cref="Tensor.DetachFromDisposeScope"/>.
/// Open one with <see cref="Torch.NewDisposeScope"/> around a forward pass so its intermediates are
/// freed without user code.
/// </summary>
/// <remarks>
/// The current scope follows the async flow, like <see cref="AsyncLocal{T}"/>: it stays current
/// across <c>await</c> (whichever thread the code resumes on), tasks and threads started inside it
/// register their tensors in it too, and unrelated work that later runs on the thread which opened
/// it never sees it. A scope may therefore be used from several threads at once; disposing it
/// while other threads still compute with its tensors is the caller's race to avoid.
/// </remarks>
public sealed class DisposeScope : IDisposable
{
    // Async-local rather than thread-static: a thread-static scope would stay behind on a pool
    // thread after an await and silently collect (and later dispose) tensors of unrelated work.
    private static readonly AsyncLocal<DisposeScope?> CurrentScope = new();

    private readonly DisposeScope? _outer;
    private readonly List<Tensor> _tensors = [];
    private bool _disposed;

    internal DisposeScope()
    {
        _outer = Current;
        CurrentScope.Value = this;
    }

    /// <summary>The number of tensors this scope will dispose.</summary>
    public int Count
    {
        get
        {
            lock (_tensors)
            {
                return _tensors.Count;
            }
        }
    }

    /// <summary>Whether this scope has been disposed.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The innermost open scope of the calling async flow.</summary>
    internal static DisposeScope? Current
    {
        get
        {
            var scope = CurrentScope.Value;

            // Disposed from another flow (e.g. a task it was handed to): it no longer collects tensors.
            return scope is { _disposed: true } ? scope.Outer : scope;
        }
    }

    /// <summary>The nearest enclosing scope that is still open.</summary>
    internal DisposeScope? Outer
    {
        get
        {
            var scope = _outer;
            while (scope is { _disposed: true })
            {
                scope = scope._outer;
            }

            return scope;
        }
    }

    /// <summary>Moves tensors of this scope to the enclosing scope (or out of all scopes when this is outermost).</summary>
    /// <param name="tensors">Tensors to keep after this scope ends.</param>
    public void MoveToOuter(params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        foreach (var tensor in tensors)
        {
            if (!ReferenceEquals(tensor.Scope, this))
            {
                throw new ArgumentException(
                    $"{tensor} does not belong to this dispose scope; call MoveToOuterDisposeScope() on it from the scope that created it.",
                    nameof(tensors));
            }

            tensor.MoveToOuterDisposeScope();
        }
    }

    /// <summary>Disposes every tensor still registered here and makes the enclosing scope current again.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Tensor[] tensors;
        lock (_tensors)
        {
            _disposed = true;
            tensors = [.. _tensors];
            _tensors.Clear();
        }

        foreach (var tensor in tensors)
        {
            tensor.DisposeFromScope();
        }

        // Scopes normally close innermost first; one closed early just drops out of the chain.
        if (ReferenceEquals(CurrentScope.Value, this))
        {
            CurrentScope.Value = Outer;
        }
    }

    /// <summary>Adds a tensor, or returns false when the scope was disposed meanwhile (by another thread).</summary>
    internal bool TryRegister(Tensor tensor)
    {
        lock (_tensors)
        {
            if (_disposed)
            {
                return false;
            }

            _tensors.Add(tensor);
            return true;
        }
    }

    internal void Remove(Tensor tensor)
    {
        lock (_tensors)
        {
            // Tensors handed out are usually the most recent ones, so search from the end.
            var index = _tensors.LastIndexOf(tensor);
            if (index >= 0)
            {
                _tensors.RemoveAt(index);
            }
        }
    }
}
