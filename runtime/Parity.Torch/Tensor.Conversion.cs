using Parity.Torch.Interop;

namespace Parity.Torch;

// Copies and conversions: dtype, memory layout, detaching from autograd.
public sealed partial class Tensor
{
    /// <summary>Whether the elements are dense in row-major (NCHW) order.</summary>
    public bool IsContiguous => IsLaidOut(channelsLast: false);

    /// <summary>Whether a 4-D tensor is dense in channels-last (NHWC in memory) order.</summary>
    public bool IsChannelsLast => IsLaidOut(channelsLast: true);

    /// <summary>A copy converted to <paramref name="dtype"/> (this tensor itself, as a new reference, when it already has it).</summary>
    /// <param name="dtype">The target dtype.</param>
    /// <returns>A new tensor.</returns>
    public Tensor To(DType dtype) => Wrap(NativeMethods.pt_to_dtype(Handle, (int)dtype), this);

    /// <summary>A copy with its own storage; gradients flow back to this tensor.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Clone() => Wrap(NativeMethods.pt_clone(Handle), this);

    /// <summary>A view sharing storage that autograd does not track.</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Detach() => Wrap(NativeMethods.pt_detach(Handle), this);

    /// <summary>This tensor in row-major order (a new reference to the same storage when already contiguous).</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Contiguous() => Wrap(NativeMethods.pt_contiguous(Handle, 0), this);

    /// <summary>The same values laid out channels-last (NHWC in memory) or row-major; the logical shape stays NCHW.</summary>
    /// <param name="channelsLast">true for channels-last, false for row-major.</param>
    /// <returns>A new tensor.</returns>
    public Tensor ToMemoryFormat(bool channelsLast) =>
        Wrap(NativeMethods.pt_contiguous(Handle, channelsLast ? 1 : 0), this);

    private bool IsLaidOut(bool channelsLast)
    {
        var result = NativeMethods.pt_is_contiguous(Handle, channelsLast ? 1 : 0);
        System.GC.KeepAlive(this);
        return result != 0;
    }
}
