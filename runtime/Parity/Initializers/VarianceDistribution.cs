namespace Parity;

/// <summary>The distribution a variance-scaling initializer draws from.</summary>
public enum VarianceDistribution
{
    /// <summary>A normal truncated at two standard deviations, widened so the variance is the requested one.</summary>
    TruncatedNormal,

    /// <summary>A plain normal.</summary>
    UntruncatedNormal,

    /// <summary>A uniform distribution with the requested variance.</summary>
    Uniform,
}
