using System;

namespace Parity.Checkpoints;

/// <summary>
/// A checkpoint file is not a valid <c>.npz</c> archive of arrays Parity can read: corrupted,
/// truncated, or declaring something unsupported. The message names the file, the entry and the
/// problem.
/// </summary>
public sealed class CheckpointFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    public CheckpointFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that revealed the problem.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying error (for example from the zip reader).</param>
    public CheckpointFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
