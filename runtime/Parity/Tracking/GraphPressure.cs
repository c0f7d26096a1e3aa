using System;

namespace Parity;

/// <summary>
/// The safety net for results that carry an autograd graph. Such a result keeps alive the storage
/// of the intermediates saved for backward even after the call disposed their handles, until the
/// result is disposed or finalized; a loop that drops its results would otherwise grow native memory
/// while the managed heap, which decides when finalizers run, stays small.
/// </summary>
/// <remarks>
/// The top-level call reports how many intermediates it freed; once enough have piled up behind
/// graphs on this thread, a young-generation collection lets the dropped results' finalizers release
/// them. It costs one gen-1 collection per <see cref="Threshold"/> intermediates, nothing when
/// gradients are off (<c>Torch.NoGrad()</c>) or results are disposed.
/// </remarks>
internal static class GraphPressure
{
    private const int Threshold = 1024;

    [ThreadStatic]
    private static int pending;

    public static void AfterTopLevelCall(int intermediates)
    {
        pending += intermediates;
        if (pending >= Threshold)
        {
            pending = 0;
            GC.Collect(1, GCCollectionMode.Forced, blocking: false);
        }
    }
}
