namespace Parity.Mapping;

/// <summary>Which TF library named the weights, since they spell the same weights differently.</summary>
public enum TfNaming
{
    /// <summary>TF-Slim: <c>weights</c>, <c>biases</c>, <c>depthwise_weights</c>; batch norm under the scope the caller gives (slim uses <c>{layer}/BatchNorm</c>).</summary>
    Slim,

    /// <summary><c>tf.compat.v1.layers</c> and Keras: <c>kernel</c>, <c>bias</c>, <c>depthwise_kernel</c>.</summary>
    Layers,
}
