using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

// Autograd: recording, backward passes and accumulated gradients.
public sealed partial class Tensor
{
    /// <summary>Whether operations on this tensor are recorded for <see cref="Backward()"/>. Only floating-point tensors can require gradients.</summary>
    public bool RequiresGrad
    {
        get
        {
            var value = NativeMethods.pt_requires_grad(Handle);
            GC.KeepAlive(this);
            return value != 0;
        }

        set => Check(NativeMethods.pt_set_requires_grad(Handle, value ? 1 : 0), this);
    }

    /// <summary>Whether this tensor was created by the user rather than by a recorded operation (gradients accumulate only on leaves).</summary>
    public bool IsLeaf
    {
        get
        {
            var value = NativeMethods.pt_is_leaf(Handle);
            GC.KeepAlive(this);
            return value != 0;
        }
    }

    /// <summary>
    /// The gradient accumulated by backward passes, or null before the first one. Each read returns a
    /// new reference (owned by the caller and registered in the current dispose scope) to the same storage.
    /// </summary>
    public unsafe Tensor? Grad
    {
        get
        {
            IntPtr gradient;
            Check(NativeMethods.pt_grad(Handle, &gradient), this);
            return gradient == IntPtr.Zero ? null : Wrap(gradient);
        }
    }

    /// <summary>Back-propagates from this scalar (one-element) tensor, accumulating into the leaves' <see cref="Grad"/>.</summary>
    public void Backward() => Check(NativeMethods.pt_backward(Handle, IntPtr.Zero, 0), this);

    /// <summary>Back-propagates <paramref name="gradient"/> (the gradient of some output with respect to this tensor).</summary>
    /// <param name="gradient">A tensor of this tensor's shape.</param>
    /// <param name="retainGraph">Keep the recorded graph so backward can run through it again.</param>
    public void Backward(Tensor gradient, bool retainGraph = false)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        Check(NativeMethods.pt_backward(Handle, gradient.Handle, retainGraph ? 1 : 0), this, gradient);
    }

    /// <summary>Sets the accumulated gradient to zero (no effect before the first backward pass).</summary>
    public void ZeroGrad() => Check(NativeMethods.pt_zero_grad(Handle), this);
}
