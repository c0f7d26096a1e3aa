using System;

namespace Parity.Torch;

/// <summary>
/// A libtorch operation failed (shape mismatch, wrong channel count, bad index, dtype mismatch...).
/// <see cref="Exception.Message"/> is libtorch's own message without the C++ backtrace.
/// The process and every other tensor stay usable after it is thrown.
/// </summary>
public sealed class TorchException : Exception
{
    /// <summary>Creates an exception carrying libtorch's message.</summary>
    /// <param name="message">The message reported by libtorch.</param>
    public TorchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception carrying libtorch's message and the exception that caused it.</summary>
    /// <param name="message">The message reported by libtorch.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public TorchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public TorchException()
        : base("A libtorch operation failed.")
    {
    }
}
