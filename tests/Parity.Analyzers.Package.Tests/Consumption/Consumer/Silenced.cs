namespace Consumer;

// The consumer's .editorconfig turns PAR1001 off for this file only; PAR1002 still applies.
public sealed class SilencedModel : Model
{
    public override float Run(float x)
    {
        var weight = new Weight(8); // expect none PAR1001
        var block = new Block(); // expect warning PAR1002
        return block.Apply(x + weight.Values.Length);
    }
}
