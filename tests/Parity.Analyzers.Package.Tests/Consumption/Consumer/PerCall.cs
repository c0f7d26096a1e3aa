namespace Consumer;

// Creates its weight and its layer on every call: each call of Run sees fresh weights.
public sealed class PerCallModel : Model
{
    public override float Run(float x)
    {
        var weight = new Weight(4); // expect warning PAR1001
        var block = new Block(); // expect warning PAR1002
        return block.Apply(x * weight.Values.Length);
    }
}
