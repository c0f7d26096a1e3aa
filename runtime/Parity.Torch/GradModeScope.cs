using System;
using Parity.Torch.Interop;

namespace Parity.Torch;

/// <summary>
/// Switches gradient recording on or off for the calling thread until disposed, then restores the
/// previous setting. Created by <see cref="Torch.NoGrad"/> and <see cref="Torch.EnableGrad"/>.
/// </summary>
public sealed class GradModeScope : IDisposable
{
    private readonly bool _previous;
    private bool _disposed;

    internal GradModeScope(bool enabled)
    {
        _previous = NativeMethods.pt_grad_enabled() != 0;
        NativeMethods.pt_set_grad_enabled(enabled ? 1 : 0);
    }

    /// <summary>Restores the setting that was active when this scope was created.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        NativeMethods.pt_set_grad_enabled(_previous ? 1 : 0);
    }
}
