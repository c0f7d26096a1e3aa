using System;
using System.Runtime.InteropServices;

namespace Parity;

/// <summary>
/// Turns a libtorch failure, which TorchSharp reports as an <see cref="ExternalException"/> whose
/// message ends in a C++ backtrace of several kilobytes, into an error a model author can read.
/// </summary>
internal static class LibTorchErrors
{
    // libtorch appends its backtrace after this line; everything before it is the message proper
    // (c10::Error's what_without_backtrace()).
    private const string BacktraceStart = "\nException raised from ";
    private const string FrameStart = "\nframe #0";

    /// <summary>libtorch's message without the C++ backtrace.</summary>
    public static string Trim(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOf(BacktraceStart, StringComparison.Ordinal);
        if (end < 0)
        {
            end = message.IndexOf(FrameStart, StringComparison.Ordinal);
        }

        return (end < 0 ? message : message[..end]).TrimEnd();
    }

    /// <summary>
    /// The exception to throw when libtorch rejected what <paramref name="layer"/> handed it: an
    /// <see cref="ArgumentException"/> naming the layer, with libtorch's trimmed message and the
    /// original exception inside.
    /// </summary>
    public static ArgumentException ForLayer(string layer, ExternalException error) =>
        new($"{layer} failed inside libtorch: {Sentence(Trim(error.Message))} Check the input's shape and dtype against what the layer was built for.", error);

    // libtorch's messages often end without a full stop; the advice that follows needs one.
    private static string Sentence(string message) =>
        message.Length > 0 && message[^1] is '.' or '!' or '?' ? message : message + ".";
}
