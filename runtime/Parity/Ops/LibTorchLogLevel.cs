namespace Parity;

/// <summary>Severities of libtorch's own C++ log (its <c>caffe2_log_level</c> flag).</summary>
public enum LibTorchLogLevel
{
    /// <summary>Everything.</summary>
    Info = 0,

    /// <summary>Warnings and worse: libtorch's default.</summary>
    Warning = 1,

    /// <summary>Errors and worse.</summary>
    Error = 2,

    /// <summary>Fatal errors only.</summary>
    Fatal = 3,
}
