namespace Parity.Slim.Weights;

/// <summary>TF-Slim's initializers (<c>slim.xavier_initializer</c>, <c>slim.variance_scaling_initializer</c>) and the TF ones slim models use.</summary>
public static class SlimInitializers
{
    /// <summary><c>slim.xavier_initializer(uniform)</c>: variance scaling with factor 1 over the mean fan.</summary>
    /// <param name="uniform">Uniform in ±sqrt(6/(in+out)) when true; truncated normal with stddev sqrt(1.3·2/(in+out)) when false.</param>
    /// <returns>The initializer.</returns>
    public static Initializer Xavier(bool uniform = true) => new SlimVarianceScaling(1.0, FanMode.FanAvg, uniform);

    /// <summary><c>slim.variance_scaling_initializer(factor, mode, uniform)</c> with slim's defaults (He: 2.0, fan-in, truncated normal).</summary>
    /// <param name="factor">Multiplies the variance.</param>
    /// <param name="mode">Which fan divides it.</param>
    /// <param name="uniform">Uniform when true, truncated normal when false.</param>
    /// <returns>The initializer.</returns>
    public static Initializer VarianceScaling(double factor = 2.0, FanMode mode = FanMode.FanIn, bool uniform = false) => new SlimVarianceScaling(factor, mode, uniform);

    /// <summary><c>tf.truncated_normal_initializer(mean, stddev)</c>: normal, values beyond two standard deviations redrawn.</summary>
    /// <param name="mean">Mean.</param>
    /// <param name="stddev">Standard deviation before truncation.</param>
    /// <returns>The initializer.</returns>
    public static Initializer TruncatedNormal(double mean = 0.0, double stddev = 1.0) => Parity.Initializers.TruncatedNormal(mean, stddev);

    /// <summary><c>tf.zeros_initializer()</c>, slim's default for biases.</summary>
    /// <returns>The initializer.</returns>
    public static Initializer Zeros() => Parity.Initializers.Zeros();
}
