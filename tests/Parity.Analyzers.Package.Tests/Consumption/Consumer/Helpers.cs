using Parity;

namespace Consumer;

/// <summary>A user's own weight holder; the marker opts its constructor into PAR1001.</summary>
public sealed class Weight
{
    [CreatesVariable]
    public Weight(int size) => Values = new float[size];

    public float[] Values { get; }
}

/// <summary>A user's own layer; the marker opts every construction of it into PAR1002.</summary>
[CreatesLayer]
public class Block
{
    public float Apply(float x) => x * 2;
}

/// <summary>A user's own model base; overrides of the marked method are forward passes.</summary>
public abstract class Model
{
    [ForwardPass]
    public abstract float Run(float x);
}
