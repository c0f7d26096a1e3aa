using System;
using System.Runtime.CompilerServices;
using Parity.Torch.Interop;

namespace Parity.Torch;

/// <summary>
/// A libtorch tensor. Each instance owns one native reference: dispose it, create it inside a
/// <see cref="DisposeScope"/> that disposes it for you, or leave it to the finalizer as a last resort.
/// Operations return new tensors (views share storage with their source, as in libtorch) except the
/// explicitly in-place members such as <see cref="CopyFrom"/> and <see cref="Fill"/>.
/// </summary>
/// <remarks>
/// Several threads may read the same tensor and use it as an operand at once. Writes (the in-place
/// members, <see cref="Backward()"/>) need the caller's own synchronization, as in libtorch. Never
/// dispose a tensor (or the dispose scope that owns it) while another thread is still using it:
/// the check that turns use after dispose into <see cref="ObjectDisposedException"/> cannot see a
/// dispose that happens in the middle of another thread's call.
/// </remarks>
public sealed partial class Tensor : IDisposable
{
    private readonly TensorHandle _owner;

    // Zero once disposed: the one field every call checks, so the check is a load and a compare.
    private IntPtr _handle;

    private DisposeScope? _scope;

    // Shapes never change after creation (no op here resizes in place), so one read suffices.
    private long[]? _shape;

    private Tensor(IntPtr handle)
    {
        _owner = new TensorHandle(handle);
        _handle = handle;
        JoinScope(DisposeScope.Current);
    }

    /// <summary>Whether <see cref="Dispose"/> has run (directly or through a dispose scope).</summary>
    public bool IsDisposed => _handle == IntPtr.Zero;

    /// <summary>The size of every dimension (a fresh copy the caller may keep).</summary>
    public long[] Shape => (long[])ShapeView.Clone();

    /// <summary>The number of dimensions; 0 for a scalar tensor.</summary>
    public int Rank => ShapeView.Length;

    /// <summary>The number of elements (the product of <see cref="Shape"/>).</summary>
    public long NumElements
    {
        get
        {
            var count = NativeMethods.pt_numel(Handle);
            GC.KeepAlive(this);
            return count;
        }
    }

    /// <summary>The element type.</summary>
    public DType DType
    {
        get
        {
            var code = NativeMethods.pt_dtype(Handle);
            GC.KeepAlive(this);
            return (DType)code;
        }
    }

    /// <summary>The native handle; throws <see cref="ObjectDisposedException"/> once disposed.</summary>
    internal IntPtr Handle
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var handle = _handle;
            if (handle == IntPtr.Zero)
            {
                ThrowDisposed();
            }

            return handle;
        }
    }

    /// <summary>The dispose scope that will dispose this tensor, or null when nothing will.</summary>
    internal DisposeScope? Scope => _scope;

    private long[] ShapeView => _shape ??= ReadShape();

    /// <summary>The size of one dimension.</summary>
    /// <param name="dim">The dimension; negative values count from the end.</param>
    /// <returns>The size of that dimension.</returns>
    public long Size(int dim)
    {
        var shape = ShapeView;
        var index = dim < 0 ? dim + shape.Length : dim;
        if (index < 0 || index >= shape.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dim), dim, $"Dimension out of range for a tensor of rank {shape.Length} (expected -{shape.Length}..{shape.Length - 1}).");
        }

        return shape[index];
    }

    /// <summary>
    /// Removes this tensor from its dispose scope and registers it in the enclosing one (or in none
    /// when the scope is outermost), so it survives the scope that created it.
    /// </summary>
    /// <returns>This tensor.</returns>
    public Tensor MoveToOuterDisposeScope()
    {
        if (_scope is { } scope)
        {
            scope.Remove(this);
            JoinScope(scope.Outer);
        }

        return this;
    }

    /// <summary>Removes this tensor from every dispose scope: only <see cref="Dispose"/> or the finalizer will free it.</summary>
    /// <returns>This tensor.</returns>
    public Tensor DetachFromDisposeScope()
    {
        if (_scope is { } scope)
        {
            scope.Remove(this);
            _scope = null;
            ReportNativeBytes();
        }

        return this;
    }

    /// <summary>Frees the native tensor now. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_handle == IntPtr.Zero)
        {
            return;
        }

        _handle = IntPtr.Zero;
        _owner.Dispose();
    }

    /// <summary>A short description such as <c>Tensor[2, 3] Float32</c>.</summary>
    /// <returns>Shape, dtype and whether gradients are recorded.</returns>
    public override string ToString() =>
        IsDisposed
            ? "Tensor(disposed)"
            : $"Tensor[{string.Join(", ", ShapeView)}] {DType}{(RequiresGrad ? " requires_grad" : string.Empty)}";

    /// <summary>Called by a disposing scope: the tensor no longer belongs to it.</summary>
    internal void DisposeFromScope()
    {
        _scope = null;
        Dispose();
    }

    /// <summary>Wraps a handle returned by a tensor-producing native call, throwing its error if it failed.</summary>
    internal static Tensor Wrap(IntPtr handle) => new(NativeError.Check(handle));

    /// <summary>
    /// Wraps a result and keeps the operands reachable until the native call that used their handles
    /// has returned (otherwise the finalizer could free an operand mid-call).
    /// </summary>
    internal static Tensor Wrap(IntPtr handle, object? operand, object? other = null, object? third = null)
    {
        GC.KeepAlive(operand);
        GC.KeepAlive(other);
        GC.KeepAlive(third);
        return Wrap(handle);
    }

    /// <summary>Checks a native status and keeps the operands reachable until the call has returned.</summary>
    internal static void Check(int status, object? operand, object? other = null)
    {
        GC.KeepAlive(operand);
        GC.KeepAlive(other);
        NativeError.Check(status);
    }

    private static IntPtr HandleOrZero(Tensor? tensor) => tensor is null ? IntPtr.Zero : tensor.Handle;

    /// <summary>
    /// Registers in the first scope of the chain that is still open (another thread may dispose one
    /// at any moment), or, when none is, reports the native size to the GC for the finalizer's sake.
    /// </summary>
    private void JoinScope(DisposeScope? scope)
    {
        while (scope is not null && !scope.TryRegister(this))
        {
            scope = scope.Outer;
        }

        _scope = scope;
        if (scope is null)
        {
            ReportNativeBytes();
        }
    }

    // Only tensors outside dispose scopes report their size to the GC: scoped ones are freed
    // deterministically, and skipping them keeps the hot path of a scoped forward pass lean.
    // Views over-report (they share storage), which only makes collections a little earlier.
    private void ReportNativeBytes()
    {
        var handle = _handle;
        var dtype = NativeMethods.pt_dtype(handle);
        var elementSize = Enum.IsDefined((DType)dtype) ? ((DType)dtype).ElementSize() : sizeof(double);
        _owner.ReportNativeBytes(NativeMethods.pt_numel(handle) * elementSize);
    }

    private unsafe long[] ReadShape()
    {
        var handle = Handle;
        var shape = new long[NativeMethods.pt_dim(handle)];
        fixed (long* output = shape)
        {
            NativeMethods.pt_shape(handle, output);
        }

        GC.KeepAlive(this);
        return shape;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDisposed() =>
        throw new ObjectDisposedException(
            nameof(Tensor),
            "This tensor was disposed (directly or by its dispose scope). Keep it alive with MoveToOuterDisposeScope() or DetachFromDisposeScope() before the scope ends, or Clone() it.");
}
