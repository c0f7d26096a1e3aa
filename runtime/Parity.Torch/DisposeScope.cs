using System;
using System.Collections.Generic;

namespace Parity.Torch;

/// <summary>
/// Disposes, when it is disposed, every tensor created on this thread while it was the innermost
/// open scope, except the ones moved out with <see cref="MoveToOuter"/>,
/// <see cref="Tensor.MoveToOuterDisposeScope"/> or <see cref="Tensor.DetachFromDisposeScope"/>.
/// Open one with <see cref="Torch.NewDisposeScope"/> around a forward pass so its intermediates are
/// freed without user code.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? t_current;

    private readonly DisposeScope? _outer;
    private readonly List<Tensor> _tensors = [];
    private bool _disposed;

    internal DisposeScope()
    {
        _outer = t_current;
        t_current = this;
    }

    /// <summary>The number of tensors this scope will dispose.</summary>
    public int Count => _tensors.Count;

    /// <summary>Whether this scope has been disposed.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The innermost open scope of the calling thread.</summary>
    internal static DisposeScope? Current
    {
        get
        {
            var scope = t_current;
            if (scope is { _disposed: true })
            {
                // Disposed from another thread (e.g. after an await): it no longer collects tensors.
                scope = scope.Outer;
                t_current = scope;
            }

            return scope;
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

        _disposed = true;
        foreach (var tensor in _tensors)
        {
            tensor.DisposeFromScope();
        }

        _tensors.Clear();

        // Scopes normally close innermost first; one closed early just drops out of the chain.
        if (ReferenceEquals(t_current, this))
        {
            t_current = Outer;
        }
    }

    internal void Register(Tensor tensor) => _tensors.Add(tensor);

    internal void Remove(Tensor tensor)
    {
        // Tensors handed out are usually the most recent ones, so search from the end.
        var index = _tensors.LastIndexOf(tensor);
        if (index >= 0)
        {
            _tensors.RemoveAt(index);
        }
    }
}
