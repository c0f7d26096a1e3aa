namespace Consumer;

// Every creation here happens once per model, so none of it is reported.
public sealed class CreateOnceModel : Model
{
    private readonly Block _head = new Block();
    private readonly Block _body;
    private Weight? _weight;
    private Block? _tail;

    public CreateOnceModel() => _body = new Block();

    public override float Run(float x)
    {
        _weight ??= new Weight(4);
        if (_tail is null)
        {
            _tail = new Block();
        }

        return _tail.Apply(_body.Apply(_head.Apply(x * _weight.Values.Length)));
    }
}
