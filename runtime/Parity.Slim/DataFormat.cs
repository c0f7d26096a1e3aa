namespace Parity.Slim;

/// <summary>Slim's <c>data_format</c>.</summary>
public enum DataFormat
{
    /// <summary>(batch, height, width, channels): slim's default and the only layout Parity.Slim computes.</summary>
    Nhwc,

    /// <summary>(batch, channels, height, width): named so a port that sets it fails loudly instead of computing in the wrong layout.</summary>
    Nchw,
}
