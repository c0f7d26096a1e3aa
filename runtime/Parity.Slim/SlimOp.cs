namespace Parity.Slim;

/// <summary>The slim functions an <see cref="ArgScope"/> can set defaults for (slim's <c>@add_arg_scope</c> functions).</summary>
public enum SlimOp
{
    /// <summary><c>slim.conv2d</c>.</summary>
    Conv2d,

    /// <summary><c>slim.separable_conv2d</c>.</summary>
    SeparableConv2d,

    /// <summary><c>slim.conv2d_transpose</c>.</summary>
    Conv2dTranspose,

    /// <summary><c>slim.fully_connected</c>.</summary>
    FullyConnected,

    /// <summary><c>slim.batch_norm</c>.</summary>
    BatchNorm,

    /// <summary><c>slim.max_pool2d</c>.</summary>
    MaxPool2d,

    /// <summary><c>slim.avg_pool2d</c>.</summary>
    AvgPool2d,

    /// <summary><c>slim.dropout</c>.</summary>
    Dropout,
}
