namespace Consumer;

// The consumer's .editorconfig makes PAR1002 an error in this file, which fails the build.
public sealed class EscalatedModel : Model
{
    public override float Run(float x)
    {
        var block = new Block(); // expect error PAR1002
        var weight = new Weight(2); // expect warning PAR1001
        return block.Apply(x - weight.Values.Length);
    }
}
