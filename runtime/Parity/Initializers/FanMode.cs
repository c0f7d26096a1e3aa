namespace Parity;

/// <summary>Which fan a variance-scaling initializer divides by.</summary>
public enum FanMode
{
    /// <summary>The number of inputs per output unit.</summary>
    FanIn,

    /// <summary>The number of outputs per input unit.</summary>
    FanOut,

    /// <summary>The mean of fan-in and fan-out (Glorot).</summary>
    FanAvg,
}
