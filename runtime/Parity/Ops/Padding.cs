namespace Parity;

/// <summary>TF's padding modes for convolution and pooling.</summary>
public enum Padding
{
    /// <summary>No padding: only windows that fit inside the input (TF's <c>"valid"</c>, the compat layers' default).</summary>
    Valid,

    /// <summary>Pad so the output size is <c>ceil(input / stride)</c>, the odd cell on the bottom/right (TF's <c>"same"</c>).</summary>
    Same,
}
